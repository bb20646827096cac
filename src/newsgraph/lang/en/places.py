"""English data: names of well-known places that are nobody's name.

The tagger types some people GPE or LOC ("Georgia", "Florence"), so coreference lets a "he"
or "she" reach a place-typed name with a person's shape (`nlp/coref/resolve.py`). A name
listed here, typed a place, is a place: countries, US states, Canadian provinces and
Australian states, and large or capital cities, written for newsgraph from common knowledge.
Left out on purpose: places whose names are also common given names or surnames people go
by alone ("Georgia", "Victoria", "Florence", "Virginia", "Chelsea", "Paris", "Jordan",
"Chad", "Israel", "Washington", "Houston", "Austin", "Lincoln", "Charlotte", "Regina").
"""

from __future__ import annotations

_COUNTRIES = """
afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan
bahamas bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia
botswana brazil brunei bulgaria burundi cambodia cameroon canada chile china colombia
comoros congo croatia cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea
estonia eswatini ethiopia fiji finland france gabon gambia germany ghana greece grenada
guatemala guinea guyana haiti holland honduras hungary iceland india indonesia iran iraq
ireland italy jamaica japan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia
lebanon lesotho liberia libya liechtenstein lithuania luxembourg madagascar malawi malaysia
maldives mali malta mauritania mauritius mexico micronesia moldova monaco mongolia
montenegro morocco mozambique myanmar namibia nauru nepal netherlands nicaragua niger
nigeria norway oman pakistan palau palestine panama paraguay peru philippines poland
portugal qatar romania russia rwanda samoa senegal serbia seychelles singapore slovakia
slovenia somalia spain sudan suriname sweden switzerland syria taiwan tajikistan tanzania
thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine uruguay uzbekistan
vanuatu venezuela vietnam yemen zambia zimbabwe scotland wales england britain
"""
_REGIONS = """
alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
pennsylvania tennessee texas utah vermont wisconsin wyoming alberta manitoba ontario
quebec saskatchewan tasmania queensland bavaria catalonia sicily sardinia siberia
"""
# Continents and the planet itself ("You come here from Earth?").
_WORLD = """
africa antarctica asia europe oceania earth
"""
_CITIES = """
amsterdam athens baghdad bangkok barcelona beijing beirut belgrade berlin bogota boston
brisbane brussels bucharest budapest cairo calcutta chicago copenhagen damascus delhi
detroit dhaka dublin edinburgh glasgow hamburg havana helsinki istanbul jakarta jerusalem
johannesburg kabul karachi kiev kyiv lagos lahore lima lisbon liverpool london
madrid manchester manila marseille melbourne miami milan montreal moscow mumbai munich
nairobi naples oslo ottawa philadelphia prague pyongyang rome seoul shanghai
stockholm sydney tehran tokyo toronto vancouver venice vienna warsaw zurich
"""
WELL_KNOWN_PLACES = frozenset((_COUNTRIES + _REGIONS + _WORLD + _CITIES).split())
