"""The word lists the importer's rules read: speech verbs, titles, roles, stop words.

They describe English news writing in general (how attribution, titles and
quantities are written), not any one article. Everything is lowercase unless
said otherwise; lookups lowercase the word first.
"""

from __future__ import annotations

# Participles that speak only to bring in a quotation ("telling his lawyer
# to “control your client”"), not "the agency announcing an emergency".
QUOTING_PARTICIPLES = frozenset("""
telling adding asking explaining warning urging suggesting admitting conceding
acknowledging recalling responding replying answering announcing confirming denying
complaining joking quipping boasting stressing emphasising emphasizing promising vowing
predicting writing tweeting posting mentioning yelling shouting screaming chanting whispering
singing
""".split())

# What someone writes, which speaks for its author ("the statement read").
DOCUMENT_NOUNS = frozenset("statement statements post posts tweet tweets letter letters caption "
                           "note notes message messages email emails release memo memos"
                           .split())

# Verbs that attribute words to a speaker ("said X", "X told reporters").
SPEECH_VERBS = frozenset("""
say says said saying tell tells told add adds added state states stated
write writes wrote written ask asks asked reply replies replied respond responds responded
explain explains explained warn warns warned note notes noted argue argues argued
insist insists insisted claim claims claimed acknowledge acknowledges acknowledged
admit admits admitted declare declares declared announce announces announced
continue continues continued conclude concludes concluded recall recalls recalled
suggest suggests suggested urge urges urged predict predicts predicted
caution cautions cautioned concede concedes conceded complain complains complained
quip quips quipped joke jokes joked counter counters countered tweet tweets tweeted
post posts posted remark remarks remarked observe observes observed
emphasise emphasises emphasised emphasize emphasizes emphasized stress stresses stressed
maintain maintains maintained confirm confirms confirmed affirm affirms affirmed
report reports reported
testify testifies testified plead pleads pleaded vow vows vowed promise promises promised
pledge pledges pledged boast boasts boasted lament laments lamented shout shouts shouted
whisper whispers whispered comment comments commented agree agrees agreed
deny denies denied allege alleges alleged contend contends contended
reiterate reiterates reiterated estimate estimates estimated describe describes described
call calls called dub dubs dubbed label labels labelled labeled brand brands branded
term terms termed recount recounts recounted muse muses mused wonder wonders wondered
reject rejects rejected dismiss dismisses dismissed denounce denounces denounced
accuse accuses accused rule rules ruled
sigh sighs sighed laugh laughs laughed exclaim exclaims exclaimed retort retorts retorted
snap snaps snapped interject interjects interjected elaborate elaborates elaborated
clarify clarifies clarified text texts texted email emails emailed message messages
messaged instruct instructs instructed yell yells yelled scream screams screamed
chant chants chanted chime chimes chimed
demand demands demanded beg begs begged read reads alleging claiming arguing insisting
stating noting declaring calling describing dubbing labelling labeling branding tell-tale
answer answers answered reveal reveals revealed
assert asserts asserted asserting proclaim proclaims proclaimed disclose discloses disclosed
assure assures assured gush gushes gushed tease teases teased mutter mutters muttered
murmur murmurs murmured grumble grumbles grumbled hint hints hinted speculate speculates
speculated condemn condemns condemned condemning criticise criticises criticised
criticize criticizes criticized slam slams slammed blast blasts blasted praise praises
praised hail hails hailed characterise characterises characterised characterize
characterizes characterized remind reminds reminded threaten threatens threatened
mention mentions mentioned remember remembers remembered
""".split()) - {"tell-tale"} | QUOTING_PARTICIPLES


# Speech verbs that also take the speaker after them when they follow a
# quotation directly: `"...," said Kuleba`, `"...?" asked the judge`.
INVERTIBLE_VERBS = frozenset("""
said says added adds asked asks replied replies wrote writes continued continues
explained explains noted notes recalled recalls warned warns argued argues
insisted insists responded responds countered counters concluded concludes
declared declares remarked remarks observed observes quipped joked cautioned
conceded complained tweeted posted announced stated lamented shouted whispered
commented stressed emphasised emphasized recounted mused wondered sighed laughed
exclaimed retorted snapped interjected instructed yelled screamed demanded begged
pleaded read reads answered reported remembers remembered
admits admitted concedes jokes quips reveals revealed acknowledges acknowledged agrees agreed
confirms confirmed claims claimed boasts boasted predicts predicted suggests suggested
laments shouts whispers sighs laughs exclaims retorts snaps interjects elaborates elaborated
clarifies clarified muses wonders recounts comments stresses emphasises emphasizes states
announces tweets posts complains cautions vows vowed maintains maintained urges urged
reiterates reiterated testified pleads answers
asserts asserted proclaims proclaimed gushes gushed teases teased mutters muttered
murmurs murmured grumbles grumbled hinted speculated assured
""".split())

# The commonest verbs whose past tense does not end in -ed: what ends a
# noun phrase read backwards ("this dilemma came from Vadim Makarov").
IRREGULAR_PAST = frozenset("""
came went took made gave got saw knew thought found left held brought began ran stood
spoke wrote became sent kept felt met paid sold built won lost led fell grew drove rose
told said
""".split())

# Verbs after which a passive or an idiom means no speaker is named
# ("was told", "is said to be"); checked on the word before the verb.
PASSIVE_MARKERS = frozenset("is are was were be been being get got gets".split())

# Words between a subject and its speech verb that are not part of the subject.
AUXILIARIES = frozenset("""
has have had also later earlier previously then again once further recently
separately repeatedly publicly privately subsequently initially originally
would will could should may might must can did does do not never always often
already just reportedly allegedly apparently simply only even still
""".split())

# Words that open a noun phrase ("the", "a", "its"): one list for every rule.
DETERMINERS = frozenset("the a an this that these those his her its their our".split())

# Lowercase words inside a name: "Erik ten Hag", "Ruud van Nistelrooy".
NAME_PARTICLES = frozenset("von van der den de da del della di du la le bin ibn al el dos das "
                           "ter ten mac".split())

# Prepositions that can open a sentence before its subject ("In New Jersey,
# …", "In his first post, Van Der Beek noted"): never part of a name.
OPENING_PREPOSITIONS = frozenset("in on at for from by with after before during since under "
                                 "over among across near to as like unlike".split())

# Words that start a modifier, not a noun phrase: "speaking from ...", "who ...".
MODIFIER_STARTS = frozenset("""
who whom whose which that where after before during since until
in on at from with without by for into onto to of about over under near across around
against between through despite like
according speaking writing asked adding citing referring noting pointing via
""".split())

# Sentence adverbs and time words that never name a speaker on their own.
NOT_A_NAME = frozenset("""
however meanwhile still yet instead separately later earlier nevertheless moreover
furthermore indeed now then today yesterday tonight overall so but and or also
next finally ultimately eventually initially previously subsequently similarly likewise
additionally lastly afterward afterwards again recently thus therefore hence besides
otherwise regardless nonetheless accordingly consequently notably reportedly allegedly
fortunately unfortunately ironically interestingly importantly surprisingly apparently
monday tuesday wednesday thursday friday saturday sunday
january february march april may june july august september october november december
this that these those there here it its he she they we i you his her their our my
mr mrs ms miss dr prof sir dame lord lady the a an
""".split())

# Function words: they end a name or a counted noun.
FUNCTION_WORDS = frozenset("""
a an the this that these those his her its their our my your
and or but nor so yet for of in on at by to from with without into onto over under
about after before during since until than as like near between through against
across around among despite per via
is are was were be been being am has have had do does did will would shall should
can could may might must not no never also only just even still already
who whom whose which what where when why how whether if while although though because
he she it they we i you him them us me there here then now
said says say told tells added according
ago later earlier more less most least very too
""".split())

PRONOUNS = {
    "he": ("m", "one"), "she": ("f", "one"), "they": (None, "many"),
    "it": (None, "it"), "him": ("m", "one"), "her": ("f", "one"),
}

# Words that name an office or a title when written before a name
# ("Foreign Secretary Liz Truss", "Chief Executive Tim Cook").
TITLE_WORDS = frozenset("""
president vice-president vice prime minister secretary foreign home defence defense
chancellor senator sen sen. representative rep rep. governor gov gov. mayor general gen gen.
lieutenant brigadier brig brig.
lt lt. colonel col col. major maj captain capt commander cmdr cdr admiral adm sergeant sgt
chief executive ceo cfo coo cto cio cmo chair chairman chairwoman chairperson director
deputy spokesman spokeswoman spokesperson ambassador envoy commissioner
secretary-general president-elect attorney judge justice inspector superintendent
detective officer constable professor prof prof. dr dr. doctor rev reverend father whip
pope king queen prince princess sheikh emir sultan crown speaker leader
representative rep rep. congressman congresswoman councillor councilman
councilwoman mp minister-president premier president-designate
head coach manager captain founder co-founder editor correspondent analyst
economist strategist adviser advisor aide chairmen chancellor-elect administrator ombudsman
ch supt insp det sgt pc dc dci dsi ds di acting assistant
""".split())

# Titles cut short, with what the story may call their holder later:
# "Gov. Tim Walz", then "the governor".
TITLES_CUT_SHORT = {
    "gov": {"governor"}, "sen": {"senator"}, "dr": {"doctor"}, "prof": {"professor"},
    "rep": {"representative", "congressman", "congresswoman"}, "gen": {"general"},
    "lt": {"lieutenant"}, "col": {"colonel"}, "capt": {"captain"}, "sgt": {"sergeant"},
    "maj": {"major"}, "adm": {"admiral"}, "cmdr": {"commander"}, "det": {"detective"},
    "insp": {"inspector"}, "supt": {"superintendent"},
}

HONORIFICS = {"mr": "m", "mr.": "m", "mrs": "f", "mrs.": "f", "ms": "f", "ms.": "f",
              "miss": "f", "sir": "m", "dame": "f", "lord": "m", "lady": "f",
              "baroness": "f", "baron": "m",
              "dr": None, "dr.": None, "prof": None, "prof.": None, "professor": None}

# Nouns that head a description of a speaker ("a senior US official").
PERSON_NOUNS = frozenset("""
official officials spokesman spokeswoman spokesperson spokespeople minister ministers
president mayor governor senator lawmaker lawmakers legislator mp mps chief head lead
director secretary chairman chairwoman chair executive executives ceo founder
analyst analysts economist economists strategist strategists expert experts
adviser advisers advisor advisors aide aides source sources diplomat diplomats
ambassador envoy general commander commanders officer officers soldier soldiers
witness witnesses resident residents doctor doctors nurse nurses surgeon physician
scientist scientists researcher researchers professor author authors lawyer lawyers
attorney attorneys judge judges prosecutor prosecutors defendant defendants
plaintiff juror jurors representative representatives leader leaders manager
managers coach player players captain striker goalkeeper midfielder defender
owner owners worker workers employee employees teacher teachers student students
survivor survivors victim victims mother father son daughter wife husband friend
friends neighbour neighbours neighbor neighbors farmer farmers driver drivers
volunteer volunteers activist activists campaigner campaigners protester protesters
member members trader traders investor investors banker bankers dealer dealers
negotiator negotiators mediator observer observers investigator investigators
inspector inspectors engineer engineers pilot pilots rescuer rescuers firefighter
firefighters paramedic paramedics medic medics patient patients parent parents
man woman men women boy girl child children people person resident relative
relatives colleague colleagues partner partners fan fans voter voters candidate
candidates councillor councillors chancellor premier king queen prince princess pope
veteran veterans refugee refugees villager villagers shopkeeper commentator
columnist reporter journalist journalists editor historian academic academics
economist official's chairperson regulators ombudsman coroner sheriff
administrator administrators fellow fellows deputy deputies lecturer lecturers
detective detectives constable police policeman policewoman trooper
specialist specialists substitute co-author winger forward
singer singers actor actors actress musician musicians artist artists rapper host
presenter dancer ranger rangers scholar scholars supervisor supervisors organiser
organisers organizer organizers poster posters commenter commenters blogger bloggers
writer writers user users star stars celebrity celebrities comedian comedians
insider insiders pal pals confidant confidante onlooker onlookers bystander bystanders
eyewitness eyewitnesses staffer staffers ally allies critic critics supporter supporters
backer backers
opponent opponents passenger passengers customer customers viewer viewers agent agents
coworker coworkers co-worker co-workers teammate teammates costar costars co-star co-stars
guy guys gentleman folks kid kids teen teens teenager teenagers youth mom dad mum
associate associates acquaintance acquaintances donor donors
grandmother grandfather uncle aunt niece nephew sister brother cousin widow widower
shopper shoppers buyer buyers seller sellers vendor vendors visitor visitors commuter
commuters homeowner homeowners tenant tenants landlord landlords parishioner parishioners
worshipper worshippers congregant congregants demonstrator demonstrators marcher marchers
attendee attendees spectator spectators diner diners patron patrons guest guests caller
callers listener listeners reader readers suspect suspects gunman gunmen attacker attackers
pollster pollsters consultant consultants
recipient recipients claimant claimants applicant applicants participant participants
entrant entrants occupant occupants retiree retirees pensioner pensioners
democrat democrats republican republicans tory tories
""".split())

_ROLE_SUFFIXES = ("ologist", "ologists", "ician", "icians", "ist", "ists", "grapher", "graphers",
                  "nomer", "nomers")
_NOT_ROLES = frozenset("exist exists insist insists persist persists resist resists assist "
                       "assists consist consists subsist list lists wrist wrists twist twists "
                       "mist mists fist fists gist whist".split())


def is_person_noun(word: str) -> bool:
    """A noun for a person: from the list, or by suffix (astrobiologist,
    physician, economist)."""
    word = word.lower()
    if word in PERSON_NOUNS or ("-" in word and word.replace("-", "") in PERSON_NOUNS):
        return True  # ("team-mate" as "teammate")
    if word.startswith(("ex-", "co-", "vice-")) and word.split("-", 1)[1] in PERSON_NOUNS:
        return True  # "ex-partner", "co-founder", "vice-president"
    return len(word) > 5 and word.endswith(_ROLE_SUFFIXES) and word not in _NOT_ROLES

# Nouns that head an institution that can speak ("the ministry said").
ORG_NOUNS = frozenset("""
ministry ministries department agency agencies government governments office
council commission committee court tribunal board bank reserve fund company
companies firm firms group groups corporation corp inc ltd plc party parties union
unions association federation institute university college school hospital
authority authorities police army military navy kremlin pentagon house
administration cabinet parliament congress senate assembly organisation organization
organizations organisations service services team club league regulator watchdog
prosecutors coalition alliance nato un eu statement report study survey data
spokesperson's bureau centre center network broadcaster newspaper agency's
embassy consulate command headquarters force forces guard brigade battalion
label labels studio studios publisher airline retailer channel magazine website
campaign campaigns foundation charity nonprofit church panel outlet station
band bands duo trio quartet orchestra choir
brochure brochures pamphlet pamphlets booklet leaflet documents filing filings
investigation inquiry probe audit poll
""".split())

# Collective words for groups of speakers: pronoun "they".
PLURAL_NOUNS = frozenset("""
officials sources analysts economists experts advisers advisors aides diplomats
witnesses residents doctors nurses scientists researchers lawyers attorneys
prosecutors defendants lawmakers legislators leaders managers players owners
workers employees teachers students survivors victims friends neighbours neighbors
farmers drivers volunteers activists campaigners protesters members traders
investors bankers negotiators observers investigators engineers rescuers
firefighters paramedics medics patients parents relatives colleagues partners fans
voters candidates people authorities police villagers journalists academics
insiders pals onlookers bystanders eyewitnesses staffers allies critics supporters backers
democrats republicans tories
opponents passengers customers viewers agents coworkers co-workers teammates costars
co-stars guys folks kids teens teenagers shoppers buyers sellers vendors visitors commuters
homeowners tenants landlords parishioners worshippers congregants demonstrators marchers
attendees spectators diners patrons guests callers listeners readers
executives strategists commanders officers soldiers forces
""".split())

GENDERED_NOUNS = {
    "spokeswoman": "f", "chairwoman": "f", "businesswoman": "f", "congresswoman": "f",
    "councilwoman": "f", "policewoman": "f", "mother": "f", "wife": "f", "daughter": "f",
    "sister": "f", "grandmother": "f", "woman": "f", "girl": "f", "queen": "f",
    "princess": "f", "actress": "f", "widow": "f", "aunt": "f", "niece": "f",
    "spokesman": "m", "chairman": "m", "businessman": "m", "congressman": "m",
    "councilman": "m", "policeman": "m", "father": "m", "husband": "m", "son": "m",
    "brother": "m", "grandfather": "m", "man": "m", "boy": "m", "king": "m",
    "guy": "m", "gentleman": "m", "dad": "m", "mom": "f", "mum": "f",
    "prince": "m", "actor": "m", "widower": "m", "uncle": "m", "nephew": "m",
}

# A small sample of given names whose usual gender is clear, used only to
# choose between earlier speakers for "he"/"she". Unknown names stay unknown.
FEMALE_NAMES = frozenset("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa
deborah stephanie rebecca laura sharon cynthia kathleen amy angela shirley anna
brenda pamela emma nicole helen samantha katherine christine debra rachel carolyn
janet catherine maria heather diane julie joyce victoria kelly christina lauren
joan evelyn olivia judith megan cheryl martha andrea frances hannah jacqueline
ann gloria jean kathryn alice teresa sara janice doris madison julia grace judy
abigail marie denise beverly amber theresa marilyn danielle diana brittany natalie
sophia rose isabella alexis kayla charlotte liz ursula angela kamala hillary nancy
theresa jacinda sanna giorgia marine annalena kaja iryna olena yulia natalia
svetlana tatiana olga irina elena anastasia ekaterina priya aisha fatima leila
mariam amina ngozi chiara giulia francesca sofia lucia carmen ana isabel ines
claudia sabine ingrid astrid hanna anne annette nadia yasmin zainab mei li ling
yuki keiko hana sakura aiko jin-hee min-ji ji-woo camila valentina gabriela
marta agnieszka katarzyna magdalena ewa eva petra jana lena nina vera zoe chloe
ella lucy molly ruby freya amelia isla mia ava harper evie poppy daisy jane kate
polly felicia debbie jenny jennie jill joanne joanna josephine kathy katie kay kristen
kristin kristina krista lana laurie leah lillian lily lindsay lindsey lorraine lori
louise lynn mandy marcia margo marianne marina marjorie marsha maureen melanie melinda
meredith miranda monica monique nora norma paula pauline peggy penny phyllis priscilla
rachael regina renee rita roberta robin rosa rosemary roxanne ruth sally selena serena
sheila sherry shelley sonia stacy stacey stella sue susie suzanne sylvia tamara tammy
tanya tara tessa tiffany tina tracy trudy valerie vanessa veronica vicki vickie virginia
wanda wendy whitney yvonne abby adele adriana agnes aileen alexandra alicia alison
allison alyssa angelina anita annie antoinette arlene audrey barbra becky belinda
bernadette beth bethany betsy bonnie bridget britney brooke camille candace carla carly
caroline carolina cassandra cathy cecilia celeste celine charlene christie cindy claire
clara colleen connie courtney dana darlene deanna deirdre delores dolores dominique
dorothy edith eileen elaine eleanor elise eliza ellen eloise erica erika erin esther
ethel felicity fiona florence gabrielle gail georgia geraldine gillian gina gwen gwyneth
hailey haley harriet hayley heidi helena hilary holly ida imogen irene isabelle ivanka
jackie janine jasmine jeanette jeanne jenna jessie jo jocelyn jodi jolene josie juanita
julianne juliet justine kara karina katrina keira kelli kerry kristy kylie lacey latoya
laverne lea lila liza lois lola loretta lorna lucille lucinda luisa lydia mabel
madeleine mae maggie marcy margarita mariah marion marlene martina maxine maya michaela
mildred millie mindy miriam mona nadine naomi natasha nell nellie nichole nicola nikki
noelle paige pam patsy patti penelope piper rebekah rhonda rochelle rosalind rosie
roseanne sabrina sadie sandy sasha scarlett shannon shania sheryl simone sonya sophie
susanna suzy tabitha tamika tania teri thelma tonya tori tricia vivian vivienne wilma
yolanda zelda
""".split())

MALE_NAMES = frozenset("""
james robert john michael david william richard joseph thomas charles christopher
daniel matthew anthony mark donald steven paul andrew joshua kenneth kevin brian
george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan
stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick
raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter
kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin
carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel logan albert
willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason
philip louis boris vladimir volodymyr dmytro sergei sergey dmitry vitali vitaliy
vadym oleksiy oleksandr andriy mykhailo yuri igor ivan alexei alexey nikolai
emmanuel olaf rishi keir joe barack donald xi recep tayyip narendra benjamin
mohammed muhammad ahmed ali hassan hussein omar abdul khalid ibrahim yusuf
rahul amit raj arjun vikram hiroshi takeshi kenji shinzo fumio wei jun hao
carlos luis miguel jorge pedro pablo diego javier antonio francisco manuel luiz
giuseppe marco luca matteo giorgio mario pierre jean-luc francois jacques
hans klaus jurgen friedrich wolfgang lars sven erik anders mikael jan piotr
tomasz krzysztof pavel jakub lukas tom tim jim bob ben sam dan ted bill mike
nick chris steve harry oliver jamie liam connor callum rory sean
dylann jimmy tommy johnny danny eddie freddie frankie kenny ricky robbie timmy abe al
alec alfred allen alvin andre andy angelo archie arnold arturo barry bart basil bernard
bert blake brad bradley brendan brent brett brock bruno bryce byron calvin cameron cecil
cedric chad chadwick charlie chester clarence clark claude clayton clifford clint
clinton clyde cody colin conor conrad corey cory craig curtis dale dallas damian damon
dane darius darnell darrell darren dave davey derek desmond devin dexter dominic donnie
doug duane dustin dwayne dwight ed edgar edmund eduardo edwin eli elias elliot elliott
elmer elon elvis emil emilio enrique ernest ernie ervin esteban evan everett fabian
felix fernando floyd forrest francis franklin fred frederick gavin geoff geoffrey gerard
gilbert glenn gordon graham greg gregg gus harvey hector herbert herman homer horace
howard hubert hugh hugo ian isaac jake jared jarrod jay jeff jeffery jerome jimmie joel
joey johnnie jon jonah jonas josh julian julius karl ken kent kirk kurt lee leo leon
leonard leroy lester lewis lincoln lloyd lonnie lou lowell luke luther lyle malcolm marc
marcus marshall martin marvin matt maurice melvin micah mick mickey milton mitch
mitchell mohamed monty morris moses murray myron nathaniel ned neil nelson norman oscar
otis owen percy perry pete phil pierce preston quentin quincy randall randolph reggie
reginald rick rickey rodney roland ron ronnie ross ruben rudy rupert russ sal salvador
sammy saul seth shane shaun sheldon sherman sid sidney simon spencer stan stanley stefan
stuart sylvester teddy terrence theodore todd tony travis trevor troy tyrone vernon
victor vince virgil wallace walt warren wes wesley wilbur wilfred willard willis wilson
winston zach zack
""".split()) | frozenset(
    # Names men bear as often as women do (Lindsey Graham, Robin Williams,
    # Jean Castex): in both lists, so their gender stays unknown.
    "lindsey kelly robin tracy dana shannon courtney jean lynn sandy kerry alexis".split())


def is_given_name(word: str) -> bool:
    """A first name from the lists ("Linda", "Garth"): what makes capitalised
    words a person's name rather than a place, a title or a thing."""
    word = word.lower()
    return word in FEMALE_NAMES or word in MALE_NAMES


MONTHS = ("january february march april may june july august september october "
          "november december").split()
MONTH_ABBREVIATIONS = "jan feb mar apr jun jul aug sep sept oct nov dec".split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()

# Abbreviations after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset("""
mr mrs ms dr prof st sr jr gen lt col maj capt sgt cmdr adm sen rep gov pres rev
no nos vs etc inc co corp ltd plc dept est approx fig jan feb mar apr jun jul aug
sep sept oct nov dec mon tue tues wed thu thurs fri sat sun u.s u.k u.n e.g i.e
a.m p.m mt ft brig cpl pvt supt insp det atty
""".split())

NUMBER_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
MAGNITUDES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000, "bn": 1_000_000_000, "mn": 1_000_000, "m": 1_000_000,
    "k": 1_000, "tn": 1_000_000_000_000, "trn": 1_000_000_000_000,
}

# Nouns that make a bare "one" a figure ("one person was killed").
ONE_COUNTS = frozenset("""
person man woman child boy girl soldier civilian resident patient death victim
officer worker passenger student baby percent per point points goal seat vote
week month hour minute
""".split())

# Plural nouns that do not end in "s".
IRREGULAR_PLURALS = frozenset("""
people children men women police staff personnel cattle sheep fish data deer
livestock crew feet teeth geese mice
""".split())

# Units written right after a number.
MEASURE_UNITS = frozenset("""
km kms kg kgs mph kph ft m cm mm lb lbs oz mg ml mw gw kw kwh mwh gwh twh ha sq
miles mile metres meters metre meter kilometres kilometers kilometre kilometer
tonnes tons tonne ton litres liters gallons acres hectares degrees celsius fahrenheit
barrels bpd mbps gb tb mb pence cents yuan yen won baht rand rupees euros dollars pounds
""".split())

# Words after a number that end a counted phrase but are not verbs we know
# by suffix: common verbs and adverbs seen after counts.
COUNT_STOPS = frozenset("""
remain remains remained live lives lived work works worked die dies died fled flee
left went came come comes took take takes made make makes lost lose won win wins
rose rise rises fell fall falls gained gain gains dropped drop drops ago later earlier
apart away back each apiece alone ahead behind long old ago overall altogether
respectively earlier previously total so far short more less
""".split())
