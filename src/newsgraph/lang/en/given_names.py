"""English data: common given names, for finding people the tagger missed.

The small English model leaves many people named by a first name alone untagged ("Gloria
chose Rita"), most often in features, reviews and court reports. A capitalised proper noun
outside any entity that is one of these names is read as a person's name
(`nlp/entities`). The list says nothing about gender: newsgraph learns a person's gender
from what the article says of them, never from a name.

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
"""
GIVEN_NAMES = frozenset(_GIVEN_NAMES_WORDS.split())
