"""English data: common given names, for finding people the tagger missed.

The small English model leaves many people named by a first name alone untagged ("Gloria
chose Rita"), most often in features, reviews and court reports. A capitalised proper noun
outside any entity that is one of these names is read as a person's name
(`nlp/entities`). That list says nothing about gender; the gendered lists below
(`MASCULINE_GIVEN_NAMES`, `FEMININE_GIVEN_NAMES`) give coreference the gender of someone whose
gender the article's own words do not show, and tell the entity step that a capitalised
pair the tagger missed opens with a first name and that a relative's surname is not the
full name's.

Left out on purpose: names that are also common English words, months, places or titles
("Will", "May", "Grace", "Georgia", "Victoria", "Jordan", "King"), where a capitalised
word at the start of a sentence or in a heading is more often the word than the name.
"""

from __future__ import annotations

_GIVEN_NAMES_WORDS = """
aaron abdul abigail abraham ada adam adrian agnes ahmed aidan aisha alan albert alberto
alejandro alex alexander alexandra alexis alfred alfredo ali alice alicia alison allan
allison alma alvin amanda amelia amir amy ana andre andrea andreas andrew andy angela
angelo anita ann anna anne annette annie anthony antonio arnold arthur ashley audrey
barbara barry beatrice becky ben benjamin bernard bernice bertha beth betty beverly
billy blanche bobby bonnie brandon brenda brian bridget bruce bryan caitlin calvin
camille carl carla carlos carmen caroline carrie catherine cecilia charles charlie
charlotte chelsea cheryl chloe chris christina christine christopher cindy claire clara
clarence claude claudia clifford colin connor craig cynthia daniel danielle darren david
deborah debra denise dennis derek diana diane diego dmitri dolores dominic donald donna
doris dorothy douglas duncan dylan edgar edith edna eduardo edward edwin eileen elaine
eleanor elena eli elijah elizabeth ella ellen elsie emily emma enrique eric erica erik
ernest esther ethan ethel eugene evan evelyn fatima felix fernando fiona francesca
francis francisco frederick gabriel gabriela gary geoffrey george gerald gertrude gilbert
gina giovanni giuseppe gladys glenda gloria gordon graham gregory gwen hamid hannah
harold harriet harry harvey hassan heidi helen helena henry herbert hilda howard hugh
hugo ian ibrahim igor irene isaac isabel isabella ivan jack jacob jacqueline james jamal
jane janet janice jared jason javier jean jeanne jeffrey jennifer jeremy jerome jessica
jill joan joanna joanne joe joel johan john johnny jonathan jorge jose joseph josephine
joshua joyce juan juanita judith judy julia julian julie justin karen karl kate katherine
kathleen kathryn katie keith kenneth kevin kimberly kirk kristen kurt laura lauren
lawrence leah leonard leslie lilian linda lindsay lisa lloyd lois lorenzo lorraine louis
louise lucas lucia lucy luis luke lydia lynn madeline magdalena maggie manuel marcus
margaret maria marian marie marilyn mario marion marjorie marsha martha martin marvin mary
matthew maureen maurice megan melanie melissa michael michelle miguel mildred miriam
mohammed monica muhammad nadia nancy naomi natalie nathan neil nicholas nicole nina noah
norman oliver olivia omar oscar pablo pamela patricia patrick paul paula pauline pedro
peggy peter philip phyllis priscilla rachel rafael ralph ramon randall raymond rebecca
regina renee rhonda ricardo richard rita robert roberta roberto rodney roger ronald
rosemary ruth ryan sally samantha samuel sandra sara sarah scott sean sebastian sergei
sharon sheila shirley simon sofia sonia sophia sophie stanley stephanie stephen steven
stuart susan suzanne sylvia tamara tanya teresa thelma theodore theresa thomas timothy
tina todd tony tracy travis trevor valerie vanessa vera vernon veronica vincent vivian
walter wanda warren wayne wendy wilma yolanda yusuf yvonne zachary
caleb cecile dolly polly
"""
# Words of kin that English capitalises when it uses them as a name ("my Dad said", "Grandma
# came"): written so, they name one person, of the word's gender, as a first name does.
_MASCULINE_KIN_NAMES = "dad daddy papa grandpa granddad grandad"
_FEMININE_KIN_NAMES = "mom mommy mum mummy mama grandma granny nana"
KIN_NAMES = frozenset((_MASCULINE_KIN_NAMES + " " + _FEMININE_KIN_NAMES).split())
GIVEN_NAMES = frozenset(_GIVEN_NAMES_WORDS.split()) | KIN_NAMES

# Given names that English-language writing gives almost only to men or almost only to women,
# written for newsgraph from common knowledge (no list was copied). A person whose article
# never shows their gender (no honorific, gendered noun or pronoun only they could take) is
# assumed to have their first name's usual gender, so that a "she" does not go to a "Simon"
# the article says nothing else about; what the article says against it leaves the gender
# unknown (`nlp/coref`).
# Left out: names given to both ("Jean", "Andrea", "Kim", "Leslie", "Robin", "Sasha",
# "Simone", "Joan", "Marion", "Evelyn", "Carol", "Jordan", "Alex") and short forms of both
# ("Chris", "Sam", "Pat", "Jo").
_MASCULINE_WORDS = """
aaron abdul abdullah abraham adam adolf adolph adrian ahmad ahmed alan albert alberto
albrecht aleksandr alexander alexandre alexei alfonso alfred alfredo ali alistair allan
alonso alvin amir anatoly anders andre andreas andrei andrew andy angelo anthony anton
antonio antony archibald armando arnold arthur arturo august augustus axel barry bartholomew
basil benedict benjamin bernard bernhard bill billy bob bobby boris bradley brandon brendan
brian bruce bruno bryan byron caleb calvin carl carlo carlos cecil cesar charles charlie
christian christoph christopher clarence claus clifford clint clyde colin conrad cornelius
craig curtis cyril dale damian damien daniel danny darren david dean dennis derek desmond
dieter diego dimitri dmitri dmitry dominic donald douglas duane duncan dustin dwight
earl edgar edmund eduard eduardo edward edwin elias elijah elliot elmer emil emilio
emmanuel enrico enrique eric erich erik ernest ernesto ernst erwin ethan eugene evan
ezra fabio federico felipe felix ferdinand fernando filippo floyd francesco francis
francisco frank franklin franz fred freddie frederick friedrich fritz gabriel gareth
garry gary gavin geoffrey georg george gerald gerard gerhard giacomo gilbert giorgio
giovanni giuseppe glenn godfrey gordon graham grant gregory guido gustav gustavo guy
hamid hank hans harold harry harvey hassan hector heinrich helmut henri henrik henry
herbert herman hermann horace howard hubert hugh hugo humphrey ian ibrahim igor ivan
jack jacob jacques jake james jason javier jeffrey jeremiah jeremy jerome jerry jim jimmy
joachim joe joel johan johann johannes john johnny jonathan jorge jose josef joseph
joshua juan julian julio julius justin karl keith kenneth kevin klaus konrad kurt lars
lawrence leo leon leonard leonardo leopold lewis lloyd lorenzo louis luca lucas ludwig
luigi luis luke malcolm manfred manuel marcel marco marcus mario mark martin marvin
matt matteo matthew matthias maurice max maximilian melvin michael michel miguel mike
mikhail milton mohamed mohammad mohammed morris muhammad murray nathan nathaniel ned neil
nelson nicholas nick nicolas nigel nikolai noah norman oleg oliver omar oscar oswald
otto owen pablo patrick paul pedro peter philip philippe phillip pierre pietro raymond
rafael ralph ramon randall randolph randy raul reginald reinhard richard rick ricky
robert roberto rodney roger roland ronald roy rudolf rudolph rupert russell
salvador samuel saul scott sean sebastian sergei sergio seth sidney sigmund simon
solomon stanley stefan stephen steve steven stuart sven terence theodore thomas tim
timothy tobias todd tom tommy tony travis trevor umberto victor vincent vincenzo
vladimir walter warren wayne werner wilbur wilfred wilhelm willem william willie
wolfgang yuri yusuf zachary
alf alfie archie bertie dick eddie ernie lenny larry percy reggie ted teddy walt wally
dave doug greg jeff jon joey phil ron
ahmet alexey amit andrzej anil anish arjun bjorn hiroshi jakub jurgen kenji khalid
krzysztof mehmet mustafa nils olaf pavel piotr rahul rajesh ramesh rashid ravi rohan
sanjay sergey suresh takeshi tariq tomas vijay
"""
_FEMININE_WORDS = """
abigail ada adele adriana agatha agnes aisha alexandra alice alicia alison allison alma
amanda amber amelia amy ana anastasia angela angelica angelina anita ann anna annabel
anne annette annie antoinette antonia april audrey barbara beatrice beatrix becky belinda
bernadette bernice bertha beth bethany betty bianca brenda bridget brigitte camilla
carla carmen carolina caroline carrie catalina catherine cecilia celia charlotte chelsea
cheryl chloe christina christine clara clarissa claudia constance cristina cynthia
daisy daniela danielle daphne deborah debra delia denise diana diane dolores donna dora
doris dorothea dorothy edith edna eleanor elena eliza elizabeth ella ellen eloise elsa
elsie emilia emily emma erica erika esther ethel eugenia eva eve felicity fiona flora
florence frances francesca gabriela gabriella gabrielle georgina geraldine gertrude
gillian gina giulia gladys glenda gloria greta gwen gwendolyn hannah harriet heather
heidi helen helena helga henrietta hilda holly ida ingrid irene iris isabel isabella
isabelle jacqueline jane janet janice jeanne jennifer jessica jill joanna joanne
josephine joy joyce juanita judith judy julia juliana julie juliet justine karen
katarina kate katharine katherine kathleen kathryn katie katrina laura lauren lena
lillian lily linda lisa livia lois lorraine louisa louise lucia lucille lucy lydia
mabel madeleine madeline magdalena maggie margaret margarita margot marguerite maria
marianne marie marilyn marina marjorie martha martina mary matilda maureen maxine megan
melanie melissa mercedes michelle mildred miranda miriam molly monica monika nadia
nancy naomi natalia natalie natasha nicole nina nora olga olivia pamela patricia paula
pauline peggy penelope philippa phoebe phyllis priscilla rachel rebecca regina renata
rhonda rita roberta rosa rosalind rosemary roxanne ruth sabine sabrina sally samantha
sandra sara sarah sheila shirley silvia sofia sonia sophia sophie stella stephanie
susan susanna suzanne svetlana sylvia tamara tanya teresa thelma theresa tiffany tina
ursula valentina valerie vanessa vera veronica victoria violet virginia vivienne wanda
wendy wilhelmina wilma yolanda yvonne zoe
abbie abby bessie betsy cecily debbie dottie hattie jenny layla lizzie loretta lottie
madge maisie marge margie mavis millie minnie muriel myrtle nellie polly stacey stacy
susie suzy tammy tracey winifred
cecile dolly
agnieszka aiko alessandra amalia anjali annika astrid ayesha beatriz birgit chiara farah
fatima ines irina jeanette katarzyna keiko kirsten kristina lakshmi leila ludmila marta
neha pilar pooja priya sigrid sunita tatiana yasmin yoko zainab
"""
MASCULINE_GIVEN_NAMES = frozenset((_MASCULINE_WORDS + _MASCULINE_KIN_NAMES).split())
FEMININE_GIVEN_NAMES = frozenset((_FEMININE_WORDS + _FEMININE_KIN_NAMES).split())


def given_name_gender(first: str) -> str | None:
    """ "m" or "f" for a lower-case first name English gives to one gender; else None."""
    if first in MASCULINE_GIVEN_NAMES:
        return "m"
    if first in FEMININE_GIVEN_NAMES:
        return "f"
    return None
