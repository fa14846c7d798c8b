# textrepair spinner lexicon: spun wording => the author's wording.
# Format: see textrepair/lexicon.py (or README.md, "Adding a lexicon").
# Source: compiled by the textrepair developers from the behaviour of synonym
# spinners on English news (thesaurus swaps of single words inside names, idioms and
# function words); each family below says why it is safe. Licence: MIT, as the project.
#
# Two classes: fingerprints (default) are wording almost nobody writes unless a spinner
# did, and are always repaired. "class=ambiguous" entries are real English the spinner
# also produces; they are repaired only in a document already judged spun, and only
# where their context constraint holds.

# ---------------------------------------------------------------------------------
# Offices and institutions: one word of a fixed name swapped for a synonym.
# A capitalised spun side is matched case-sensitively, so "an overseas minister" and
# "the white home" (a house painted white) are left alone.
Overseas Minister => Foreign Minister | pos=NOUN
Overseas Ministry => Foreign Ministry | pos=NOUN
Overseas Secretary => Foreign Secretary | pos=NOUN
Overseas Affairs => Foreign Affairs
Overseas Workplace => Foreign Office
overseas coverage => foreign policy
Inside Minister => Interior Minister | pos=NOUN
Inside Ministry => Interior Ministry | pos=NOUN
Protection Minister => Defence Minister | pos=NOUN
Protection Secretary => Defense Secretary | pos=NOUN
Well being Minister => Health Minister | pos=NOUN
Well being Secretary => Health Secretary | pos=NOUN
Ministry of Well being => Ministry of Health
Schooling Minister => Education Minister | pos=NOUN
Schooling Secretary => Education Secretary | pos=NOUN
Prime Minister's Workplace => Prime Minister's Office
White Home => White House
Home of Representatives => House of Representatives
Home of Commons => House of Commons
Home of Lords => House of Lords
Home Speaker => House Speaker
Supreme Courtroom => Supreme Court
Excessive Courtroom => High Court
UN Safety Council => UN Security Council
United Nations Safety Council => United Nations Security Council
Nationwide Safety Council => National Security Council
Nationwide Meeting => National Assembly
Chief Government Officer => Chief Executive Officer
chief government officer => chief executive officer
Worldwide Financial Fund => International Monetary Fund
World Financial institution => World Bank
European Central Financial institution => European Central Bank
Financial institution of England => Bank of England
central financial institution => central bank | pos=NOUN
European Fee => European Commission
Wall Avenue => Wall Street
Downing Avenue => Downing Street
Center East => Middle East
Institute for the Research of Struggle => Institute for the Study of War
Research of Struggle => Study of War
Royal United Providers Institute => Royal United Services Institute
West Financial institution => West Bank
Nice Britain => Great Britain
Nice Despair => Great Depression
Dwelling Secretary => Home Secretary | pos=NOUN
Dwelling Workplace => Home Office
Nationwide Guard => National Guard
Nationwide Well being Service => National Health Service
Nationwide Hurricane Middle => National Hurricane Center
Nationwide Institutes of Well being => National Institutes of Health
Ministry of Protection => Ministry of Defence
Division of Protection => Department of Defense
Division of Justice => Department of Justice
Justice Division => Justice Department
State Division => State Department
Division of Homeland Safety => Department of Homeland Security
Homeland Safety => Homeland Security
Legislative Meeting => Legislative Assembly
Common Meeting => General Assembly
Secretary-Common => Secretary-General
Lawyer Common => Attorney General
Legal professional Common => Attorney General
Inspector Common => Inspector General
Surgeon Common => Surgeon General
Vitality Minister => Energy Minister | pos=NOUN
Central Intelligence Company => Central Intelligence Agency
Environmental Safety Company => Environmental Protection Agency
Worldwide Vitality Company => International Energy Agency
Worldwide Atomic Vitality Company => International Atomic Energy Agency
World Well being Group => World Health Organization
Facilities for Illness Management => Centers for Disease Control
Meals and Drug Administration => Food and Drug Administration
Inner Income Service => Internal Revenue Service
Securities and Trade Fee => Securities and Exchange Commission
Mexico Metropolis => Mexico City
Manchester Metropolis => Manchester City
Social gathering => Party | prev=<cap>
Get together => Party | prev=<cap>
social gathering => party | class=ambiguous not_prev=a,an,the,this,that,each,every,any,some,small,large,big,family,informal,private,<punct>
america => the United States | case=exact not_prev=<punct>

# ---------------------------------------------------------------------------------
# Fixed terms of news vocabulary broken the same way.
suppose tank => think tank | pos=NOUN
nationwide safety => national security
safety ensures => security guarantees
safety assure => security guarantee | pos=NOUN
safety and defence => security and defence
safety forces => security forces
local weather change => climate change
local weather disaster => climate crisis
pure gasoline => natural gas
greenhouse gasoline => greenhouse gas | pos=NOUN
synthetic intelligence => artificial intelligence
rate of interest => interest rate
rates of interest => interest rates
inventory market => stock market | pos=NOUN
inventory trade => stock exchange | pos=NOUN
public well being => public health
psychological well being => mental health
well being care => health care
authorities officers => government officials
industrial flights => commercial flights
uncommon earths => rare earths
uncommon earth => rare earth
unique rights => exclusive rights
boots on the bottom => boots on the ground
imaginative and prescient => vision
marketing campaign path => campaign trail
election marketing campaign => election campaign | pos=NOUN
presidential marketing campaign => presidential campaign | pos=NOUN
information community => news network | class=ambiguous pos=NOUN
package deal of => package of | conf=0.85
press convention => press conference | pos=NOUN
information convention => news conference | pos=NOUN
demise toll => death toll | pos=NOUN
loss of life toll => death toll | pos=NOUN
rescue staff => rescue workers
assist staff => aid workers
well being employees => health workers
renewable vitality => renewable energy
clear vitality => clean energy
electrical automobiles => electric vehicles
electrical autos => electric vehicles
tech large => tech giant
coalition authorities => coalition government
tricky man => tough guy
# Ungrammatical combinations: a synonym that does not take the construction around it.
a results of => a result of
indifferent from => detached from
offering them with => providing them with
offering him with => providing him with
offering her with => providing her with
offering us with => providing us with
shopping for from => buying from
POW change => POW exchange
prisoner change => prisoner exchange | pos=NOUN
neither facet => neither side
either facet => either side
pleasant factor => nice thing | swap=yes
make issues proper => make things right
different international locations => other countries
international locations => countries | class=ambiguous

# Finance, health, sport and public-life terms: one word of a fixed term swapped.
curiosity charges => interest rates
curiosity price => interest rate | pos=NOUN
financial coverage => monetary policy
Financial Coverage Committee => Monetary Policy Committee
a share level => a percentage point
share factors => percentage points
foundation factors => basis points
foundation level => basis point
price of dwelling => cost of living
month-to-month funds => monthly payments
vote break up => vote split
Enterprise teams => Business groups
Federation of Small Companies => Federation of Small Businesses
confirmed instances => confirmed cases
vaccination journey => vaccination drive | pos=NOUN
procuring centres => shopping centres
procuring centre => shopping centre
main faculties => primary schools
secondary faculties => secondary schools
time without work => time off work
in entrance of => in front of
the highest nook => the top corner
enjoying protected => playing safe
knee damage => knee injury | pos=NOUN
ankle damage => ankle injury | pos=NOUN
hamstring damage => hamstring injury | pos=NOUN
groin damage => groin injury | pos=NOUN
shoulder damage => shoulder injury | pos=NOUN
exterior the => outside the
the solely => the only
nicely beneath => well below
nicely above => well above
the tip of the yr => the end of the year
the tip of the year => the end of the year
the tip of the month => the end of the month
the tip of the week => the end of the week
the tip of the season => the end of the season
the tip of the day => the end of the day
# "the end of" before any other time word: the spinner reads "end" as a tip. "the tip
# of the iceberg" is left alone (no time word follows).
the tip of => the end of | class=ambiguous next=next,last,this,subsequent,final,<num>,january,february,march,april,may,june,july,august,september,october,november,december
an infection => infection | prev=other,the,this,that,viral,bacterial
# League tables: "top of the table" with both words swapped ("high of the desk") is
# nobody's English; with one word swapped, only before a ranking noun ("the high of the
# day", a temperature, is left alone).
high of the desk => top of the table
prime of the desk => top of the table
backside of the desk => bottom of the table
high of the => top of the | class=ambiguous next=league,table,standings,charts,chart,agenda,rankings,polls,group,pile
prime of the => top of the | class=ambiguous next=league,table,standings,charts,chart,agenda,rankings,polls,group,pile
backside of the => bottom of the | class=ambiguous next=league,table,standings,charts,chart,rankings,polls,group,pile
# "home side", "home crowd": the spinner's "house" for "home" in match reports.
# Lowercase only, so the (US) House is not touched.
house aspect => home side | case=exact
away aspect => away side | case=exact
house crowd => home crowd | class=ambiguous case=exact
house and away => home and away | case=exact
# Words the spinner pads with a thesaurus gloss: "software" -> "software program",
# "court" -> "court docket", "camera" -> "digital camera", "windows" -> "home windows"
# ("Home windows 11"). Each is real English in other senses, so ambiguous and bound to
# a context where the plain word was meant.
software program => software | class=ambiguous not_prev=a,an,one,another,each,every,any,new
court docket => court | class=ambiguous prev=federal,district,high,supreme,appeals,county,state,crown,magistrates,family,criminal,civil,bankruptcy,appellate,local,military next=in,on,ruled,ordered,heard,found,rejected,dismissed,upheld,decided,granted,judge,judges,hearing,last,this,<punct>
digital camera => camera | class=ambiguous prev=doorbell,security,body,dashboard,dash,traffic,speed,surveillance,hidden,cctv,thermal,infrared,trail,wildlife
home windows => windows | class=ambiguous
Home windows => Windows | case=exact next=<num>,xp,vista,server,defender,update,updates,users,pcs,laptops,computers,devices,software
# "financial" -> "monetary": "monetary disaster", "monetary yr" are nobody's English;
# "monetary markets" and "monetary sector" exist but are rare beside the originals.
monetary disaster => financial crisis
monetary yr => financial year
monetary 12 months => financial year
monetary providers => financial services
monetary assist => financial aid
monetary markets => financial markets | class=ambiguous
monetary sector => financial sector | class=ambiguous
# "congestion charge" (a road toll) with "charge" swapped; the economists' "congestion
# costs" (a verb or a plural) are left alone.
congestion cost => congestion charge | class=ambiguous not_next=the,a,an,<num>,us,drivers,businesses,commuters,firms,billions,millions,model,models,modelling,estimate,estimates,function,curve,analysis
# "at the height of": the spinner's "on" for "at". Ambiguous, and not after a word
# that takes "on" itself ("depends on the height of").
on the height of => at the height of | class=ambiguous not_prev=depends,depend,depending,depended,based,focus,focused,limit,limits,restrictions,data,information,rules,effect,effects,impact

# ---------------------------------------------------------------------------------
# Abbreviation and tokenisation artefacts: the spinner's thesaurus holds abbreviated
# or mangled forms ("p.c", "yr") and splits contractions ("won't" -> "gained't").
p.c => percent
1000's => thousands
100's => hundreds
gained't => won't
gained't should => won't have to
final yr => last year
yr => year | not_prev=<num>

# ---------------------------------------------------------------------------------
# Function words and connectives replaced by multiword "synonyms".
reasonably than => rather than
For the reason that => Since | case=exact
for the reason that => since | class=ambiguous
Before everything => First of all | next=<punct>
no such thing as a longer => no longer
with out => without | not_next=-,of
a a lot => a much
by no means earlier than => never before
as but => as yet | next=<punct>
in order for you => if you want | not_next=to
serving to to => helping to
wanting ahead to => looking forward to
Essentially the most => The most | case=exact
requested about => asked about
In the meantime => Meanwhile | class=ambiguous case=exact next=<punct>
at the same time as => even as | class=ambiguous
as a result of => because | class=ambiguous next=i,we,they,he,she,you,i'm,we're,they're,he's,she's,you're,there's
there are not any => there are no | class=ambiguous
the state of affairs => the situation | class=ambiguous
state of affairs => situation | class=ambiguous prev=a,the,this,that,better,worse,current
within the => in the | class=ambiguous
throughout => during | class=ambiguous next=which,a,an,his,her,their,its,my,our,your
whereas => while | class=ambiguous
however => but | class=ambiguous not_next=<punct>,much,many,long,far,hard,often,few,little,small,large,big,good,bad,great,high,low,strong,difficult,you,we,they,it,one swap=yes
additionally => also | class=ambiguous not_next=<punct>
at the very least => at least | class=ambiguous
the way forward for => the future of | class=ambiguous
be certain that => make sure that | class=ambiguous prev=to
once more => again | class=ambiguous next=<punct>
wish to => want to | class=ambiguous prev=you,i,we,they
targeted on => focused on | class=ambiguous
towards => against | class=ambiguous prev=match,sanctions,war,aggression,fight,campaign,crimes,violence,measures,protest,protests,case,crusade,struggle
numerous different => many other | class=ambiguous
declare to be => claim to be | class=ambiguous
don't suppose => don't think | class=ambiguous
got here => came | class=ambiguous not_prev=i,we,you,they,he,she,it,have,has,had,i've,we've,they've
this manner => this way | class=ambiguous not_prev=in
speculated to => supposed to | class=ambiguous prev=was,were,is,are next=be
one of many causes => one of the reasons | class=ambiguous
All the things => Everything | class=ambiguous case=exact next=that
To start with => At first | class=ambiguous case=exact next=<punct>
# A count written in words betrays these as much as one in digits does.
as much as => up to | class=ambiguous next=<num>,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,thirteen,fourteen,fifteen,sixteen,seventeen,eighteen,nineteen,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety
regardless of => despite | class=ambiguous next=us,them,him,her,me
with data of => with knowledge of | class=ambiguous
not less than => at least | class=ambiguous
it could actually => it can | class=ambiguous
can even => will also | class=ambiguous not_prev=it,this,that,you
and so they => and they | class=ambiguous
in keeping with => according to | class=ambiguous next=the,a,an,<cap>,official,officials,police,data,figures,reports,sources,his,her,their
mother and father => parents | class=ambiguous
day-after-day => every day | class=ambiguous not_next=basis,grind,work,life,lives,routine,running,operations,operation,management,business,chores,tasks,struggle
resulting from => due to | class=ambiguous prev=is,are,was,were next=<lower> not_next=the,a,an,this,that
# "is due to start" (scheduled) spun as "is because of start": "because of" before a
# bare verb is ungrammatical, so the verbs that follow a timetable "due to" betray it.
is because of => is due to | class=ambiguous next=be,begin,start,end,finish,open,close,reopen,resume,land,arrive,depart,leave,return,launch,take,meet,appear,face,sign,vote,report,publish,announce,hold,visit,travel,retire,expire,complete,run,give,deliver,speak,testify,stand,come,go,rule,decide,hear,enter,undergo,receive,set,host,sit,stay,step,become,lift,release,make,present,play,fly,sail,kick,wrap,get
are because of => are due to | class=ambiguous next=be,begin,start,end,finish,open,close,reopen,resume,land,arrive,depart,leave,return,launch,take,meet,appear,face,sign,vote,report,publish,announce,hold,visit,travel,retire,expire,complete,run,give,deliver,speak,testify,stand,come,go,rule,decide,hear,enter,undergo,receive,set,host,sit,stay,step,become,lift,release,make,present,play,fly,sail,kick,wrap,get
was because of => was due to | class=ambiguous next=be,begin,start,end,finish,open,close,reopen,resume,land,arrive,depart,leave,return,launch,take,meet,appear,face,sign,vote,report,publish,announce,hold,visit,travel,retire,expire,complete,run,give,deliver,speak,testify,stand,come,go,rule,decide,hear,enter,undergo,receive,set,host,sit,stay,step,become,lift,release,make,present,play,fly,sail,kick,wrap,get
were because of => were due to | class=ambiguous next=be,begin,start,end,finish,open,close,reopen,resume,land,arrive,depart,leave,return,launch,take,meet,appear,face,sign,vote,report,publish,announce,hold,visit,travel,retire,expire,complete,run,give,deliver,speak,testify,stand,come,go,rule,decide,hear,enter,undergo,receive,set,host,sit,stay,step,become,lift,release,make,present,play,fly,sail,kick,wrap,get
earlier than => before | class=ambiguous next=the,a,an,<num>
# "just before" / "shortly before": with "simply" for "just", or after an adverb that
# only fits "before"; "earlier than expected" keeps its comparison.
simply earlier than => just before | class=ambiguous
earlier than => before | class=ambiguous prev=just,shortly,soon,immediately,moments,right not_next=expected,planned,usual,scheduled,anticipated,forecast,normal,predicted,thought,hoped,feared,intended,previously,before
the thought of => the idea of | class=ambiguous
in regards to the => about the | class=ambiguous
as a part of => as part of | class=ambiguous
thus far => so far | class=ambiguous
the remainder of => the rest of | class=ambiguous
brand new => new | class=ambiguous
solely => only | class=ambiguous next=<num>,a,an,the,one,if,when,after,because,by,for,in,on,to,as,those,these,them,<cap>
doubtless => likely | class=ambiguous prev=will,would,could,may,might,most,very,<cap>
one other => another | class=ambiguous next=<lower> not_next=thing,way,person,man,woman,time,day,one
world wide => around the world | next=<punct>
on the similar time => at the same time
at the similar time => at the same time
# "subsequent" does not take a month name ("from subsequent April"), and before a count
# ("over the subsequent three months") news writes "next".
subsequent => next | class=ambiguous next=week,month,year,yr,weekend,season,summer,winter,spring,autumn,monday,tuesday,wednesday,thursday,friday,saturday,sunday,decision,determination,step,steps,government,cabinet,cupboard,election,meeting,round,phase,stage,generation,president,leader,chapter,match,game,fixture,budget,january,february,march,april,may,june,july,august,september,october,november,december
subsequent => next | class=ambiguous prev=the,over,within next=<num>,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,thirteen,fourteen,fifteen,sixteen,seventeen,eighteen,nineteen,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety,few
in line with => according to | class=ambiguous next=the,a,an,<cap>,his,her,their,its,official,officials,police,reports,data,figures,sources
on account of => because of | class=ambiguous
previous to => before | class=ambiguous
whilst => while | class=ambiguous
inside => within | next=hours,days,weeks,months,minutes,years,seconds
the top of => the head of | class=ambiguous next=<cap>
the best way => the way | class=ambiguous next=it,that,they,we,he,she,i,you
spherical => round | prev=first,second,third,fourth,fifth,final,last,next,new,latest,another,opening,this
spherical of => round of | class=ambiguous
# "year" -> "12 months" (the thesaurus's gloss): "this 12 months" is nobody's English;
# "final"/"subsequent 12 months" are, after "the" or a possessive, so only without one.
this 12 months => this year
a 12 months in the past => a year ago
final 12 months => last year | class=ambiguous not_prev=the,its,his,her,their,our,my,your,those,these,a,first
subsequent 12 months => next year | class=ambiguous not_prev=the,its,his,her,their,our,my,your,those,these,a,first
# "ago" -> "in the past" after a count of time ("three years in the past").
years in the past => years ago | class=ambiguous prev=<num>,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,twenty,thirty,fifty,few,several
months in the past => months ago | class=ambiguous prev=<num>,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,twenty,thirty,fifty,few,several
weeks in the past => weeks ago | class=ambiguous prev=<num>,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,twenty,thirty,fifty,few,several
days in the past => days ago | class=ambiguous prev=<num>,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,twenty,thirty,fifty,few,several
decades in the past => decades ago | class=ambiguous prev=<num>,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,twenty,thirty,fifty,few,several
# "recently" and "right now" as the spinner writes them: real but rare English.
not too long ago => recently | class=ambiguous
just lately => recently | class=ambiguous
proper now => right now | class=ambiguous
# "hundreds of" -> "lots of of" (ungrammatical) or "a whole bunch of" (colloquial).
lots of of => hundreds of
a whole bunch of => hundreds of | class=ambiguous
# Sentence adverbs: "However," -> "Nonetheless,"/"Nevertheless," before a comma at the
# start of a clause. Mid-clause "nonetheless" (for "still") is a separate line above.
# "however => but" never fires before punctuation, where these always do: the pair is
# declared with swap=yes.
nonetheless => however | class=ambiguous prev=<start>,<punct> next=<punct> swap=yes
nevertheless => however | class=ambiguous prev=<start>,<punct> next=<punct> swap=yes
# "how to" -> "how you can" after a word of deciding or debating ("debate over how you
# can sort out"); advice to the reader ("here is how you can help") is left alone.
how you can => how to | class=ambiguous prev=over,about,debate,debated,debating,discuss,discussed,discussing,decide,decided,deciding,consider,considering,considered,unsure,undecided,disagree,disagreed,divided,argue,argued,arguing,clash,clashed,row,question,questions
# "long" -> "lengthy" in fixed phrases where "lengthy" does not fit.
for too lengthy => for too long | class=ambiguous
as lengthy as => as long as | class=ambiguous
# "based in/on" -> "primarily based in/on": the classic spinner gloss.
primarily based in => based in | class=ambiguous
primarily based on => based on | class=ambiguous
# "according to" -> "in accordance with" before a source of information ("in accordance
# with the law" is left alone).
in accordance with => according to | class=ambiguous next=officials,police,data,figures,reports,sources,analysts,experts,estimates,researchers,witnesses,residents,prosecutors,polls,statistics,scientists,economists,forecasters,organisers,organizers

# ---------------------------------------------------------------------------------
# Speech and reporting verbs: the single most frequent damage in spun news.
# "mentioned" is ordinary English, so it needs a spun document and a reporting-verb
# context: next to a quotation or a comma, or followed by a preposition or a name
# rather than an object ("mentioned the budget" is left alone).
mentioned => said | class=ambiguous prev=<punct>
mentioned => said | class=ambiguous not_next=<lower>
mentioned => said | class=ambiguous next=in,after,of,on,at,during,before,when,while,that,this,last,earlier,late,he,she,they,we,there,i,you
instruct => tell | class=ambiguous pos=VERB not_next=to
# "told" -> "knowledgeable" is ungrammatical before an object: a fingerprint there.
knowledgeable => told | next=reporters,journalists,him,her,them,us,me,the,a,an,<cap>
advised => told | class=ambiguous next=reporters,journalists,bbc,reuters,afp,cnn,bloomberg,politico,axios,nbc,cbs,abc,sky,itv
stated => said | class=ambiguous prev=<punct> next=<cap>,the,a,an
stated => said | class=ambiguous next=<punct> not_prev=<punct>
request => ask | class=ambiguous pos=VERB next=whether,if,why,how,what,when
# With a noun object, spun "mentioned" stands for "discussed" ("the US mentioned staffing").
mentioned => discussed | class=ambiguous next=<lower> not_prev=<punct>,it,he,she,they,we,i,you,who,which,that not_next=in,after,of,on,at,during,before,when,while,that,this,last,earlier,late,to,about,it,him,her,them,us,me,he,she,they,we,i,you,the,a,an,would,will,could,should,had,has,was,is
refer to as => call | class=ambiguous pos=VERB next=<cap>,his,her,their,its,him,them,it not_prev=is,was,are,were,be,been,being,often,commonly,sometimes,also,widely,what,collectively,now

# ---------------------------------------------------------------------------------
# Content words the spinner swaps in both directions ("military" <-> "army"). Only
# the direction with a telling context is repaired: a noun-modifier position, or an
# article that fits the original word and not the spun one ("an settlement"). Where
# one entry's canonical word is another entry's spun word, both lines say swap=yes;
# the loader rejects such chains otherwise.
army => military | class=ambiguous next=aid,assist,help,support,hardware,debt,supplies,provides,assistance,spending,equipment,operation,operations,intervention,intelligence,alliance,leaders,cooperation,and,or,budget
assist => aid | class=ambiguous prev=army,military,pentagon,humanitarian,foreign,an,economic,financial,us
# The spinner writes "assist" for "help" and "help" for "support": a chain of senses,
# declared with swap=yes so that neither repair is repaired again.
assist => help | class=ambiguous prev=to,will,they'll,we'll,can,could,would next=<cap> swap=yes
help => support | class=ambiguous prev=air,army,military,its,their,popular,public,financial,political swap=yes
provides => supplies | class=ambiguous prev=army,military,medical,food
battle => war | class=ambiguous prev=the,a,year,this,that,entire,whole not_next=of,for,over,against,between,with,<punct>
battle => war | class=ambiguous prev=the,a,year next=<punct>
battle => war | class=ambiguous next=social,party,crimes,crime,zone
battle => fight | class=ambiguous prev=and,to next=in,for,on,against
need => want | class=ambiguous prev=don't,doesn't,didn't,they not_next=to
dwelling => home | class=ambiguous prev=come,back,at,go,went,returned,return
come back dwelling => come home
come back collectively => come together
officers => officials | class=ambiguous prev=government,russian,ukrainian,us,american,administration,senior,western,european,chinese,kremlin,health,city,council,state,federal,<start>
nationwide => national | class=ambiguous next=government,governments,security,interest,interests,team,anthem,assembly,guard,parliament,identity,sovereignty,debt,budget
safety => security | class=ambiguous next=forces,services,agencies,officials,council,threat,threats,guarantee,guarantees,advisor,adviser,situation,cooperation
settlement => agreement | class=ambiguous prev=an
deal with => address | class=ambiguous prev=an
a rise in => an increase in | class=ambiguous
final => last | class=ambiguous next=week,year,month,night,time,weekend,season,summer,winter,spring,autumn,decade,century,monday,tuesday,wednesday,thursday,friday,saturday,sunday,yr
non-public => private | class=ambiguous not_next=information,data
counsel => suggest | class=ambiguous prev=estimates,figures,data,reports,polls,studies,analysts,experts next=that
skilled => experienced | class=ambiguous next=a,an,the
signal => sign | class=ambiguous prev=to next=an,this,that,the,a,deal,agreement,treaty,accord,contract
interact in => engage in | class=ambiguous next=peace,talks,negotiations,dialogue,diplomacy,combat,hostilities
additional => further | class=ambiguous prev=even,pulls,pulled,went,go,any next=away,in,<punct>
your complete => the entire | class=ambiguous prev=of,on,across,throughout
misplaced => lost | class=ambiguous prev=have,has,had
determine => figure | class=ambiguous prev=a
Eire => Ireland | class=ambiguous
greenback => dollar | class=ambiguous prev=the,a,us,strong,weak
charges => rates | class=ambiguous prev=interest,curiosity,mortgage,vaccination,tax,exchange,lending,borrowing,hold,raise,lift,cut,minimize,carry,keep,kept,stored
instances => cases | class=ambiguous prev=confirmed,new,reported,covid,measles,virus,suspected,positive,daily
contaminated => infected | class=ambiguous prev=those,these,people,patients,were,was,been,be,children,kids
faculties => schools | class=ambiguous prev=at,in,local,primary,secondary,state,public,and next=<punct>,and,in,across,have,were,are
aim => goal | class=ambiguous prev=first,second,third,winning,opening,late,equalising,equalizing,own,debut,fine
gamers => players | class=ambiguous prev=her,his,their,the,our,my,young,key,senior next=<punct>,had,have,were,are,and,to,who
video games => games | class=ambiguous prev=<num>,remaining,final,last,next,home,away
factors => points | class=ambiguous prev=two,three,four,five,six,seven,eight,nine,ten,<num> next=clear,behind,ahead,outside,exterior,from,adrift,off,above,below
rationalization => explanation | class=ambiguous prev=an
affected person => patient | class=ambiguous prev=be,remain,stay,very,more
minimize => cut | class=ambiguous next=rates,taxes,interest,spending,too,back,costs,jobs,prices
# "great" -> "nice" before abstract nouns; "huge" -> "enormous" betrayed by "a".
nice => great | class=ambiguous next=influence,credibility,deal,power,powers,lengths,importance,concern,success,extent,majority,number,britain,depression swap=yes
enormous => huge | class=ambiguous prev=a
common => general | class=ambiguous prev=retired,army,us,four-star,former,attorney next=<cap>
convention => conference | class=ambiguous prev=press,news,house,peace,climate,summit,donors,video
determined to => decided to | class=ambiguous prev=i've,we've,they've,i,we
search to => seek to | class=ambiguous prev=will,can,would,to,and
decide => judge | prev=the,a,federal,district,presiding,high,appeals
courtroom => court | class=ambiguous next=ruled,ordered,heard,found,rejected,dismissed,upheld,decided,granted,said
vitality => energy | class=ambiguous next=prices,bills,costs,sector,security,supplies,supply,companies,crisis,policy,efficiency,demand,use
local weather => climate | class=ambiguous not_next=forecast,forecasts,station,stations,report,reports,conditions,service,news
well being => health | class=ambiguous
financial institution => bank | class=ambiguous pos=NOUN
sufferers => patients | class=ambiguous prev=hospital,the,of,covid,many,more,treating,treat,treated,seriously,critically,some,most,all
illness => disease | class=ambiguous prev=the,of,heart,infectious,chronic,lung,kidney,liver

# ---------------------------------------------------------------------------------
# Small numbers: news style writes one to nine in words; the spinner turns them into
# digits. Only before a lowercase word and not after another number or a symbol.
# evidence=no: digits are house style elsewhere (tables, listings, other outlets), so
# they are repaired in a document judged spun but never help judge it.
2 => two | class=ambiguous evidence=no next=<lower> not_prev=<num>,<punct> not_next=am,pm,km,kg,m,cm,mm,mph,ft,lb,lbs,bn,mn,per,x,p,percent,pc
3 => three | class=ambiguous evidence=no next=<lower> not_prev=<num>,<punct> not_next=am,pm,km,kg,m,cm,mm,mph,ft,lb,lbs,bn,mn,per,x,p,percent,pc
4 => four | class=ambiguous evidence=no next=<lower> not_prev=<num>,<punct> not_next=am,pm,km,kg,m,cm,mm,mph,ft,lb,lbs,bn,mn,per,x,p,percent,pc
5 => five | class=ambiguous evidence=no next=<lower> not_prev=<num>,<punct> not_next=am,pm,km,kg,m,cm,mm,mph,ft,lb,lbs,bn,mn,per,x,p,percent,pc
6 => six | class=ambiguous evidence=no next=<lower> not_prev=<num>,<punct> not_next=am,pm,km,kg,m,cm,mm,mph,ft,lb,lbs,bn,mn,per,x,p,percent,pc
7 => seven | class=ambiguous evidence=no next=<lower> not_prev=<num>,<punct> not_next=am,pm,km,kg,m,cm,mm,mph,ft,lb,lbs,bn,mn,per,x,p,percent,pc
8 => eight | class=ambiguous evidence=no next=<lower> not_prev=<num>,<punct> not_next=am,pm,km,kg,m,cm,mm,mph,ft,lb,lbs,bn,mn,per,x,p,percent,pc
9 => nine | class=ambiguous evidence=no next=<lower> not_prev=<num>,<punct> not_next=am,pm,km,kg,m,cm,mm,mph,ft,lb,lbs,bn,mn,per,x,p,percent,pc

# ---------------------------------------------------------------------------------
# Everyday news words swapped for a rarer thesaurus neighbour ("said" -> "stated",
# "people" -> "folks", "lost" -> "misplaced"). All are real English, so all are
# ambiguous: they fire only in a document judged spun. An entry without a context
# also needs frequency evidence: the canonical word must be clearly more common than
# the spun one (wordfreq), so that a spun document's "folks" becomes "people" but its
# "evening" stays unless a weekday shows it stood for "night". Where a spun word may
# stand for several originals ("garments => clothes / clothing"), the most frequent
# wins and the edit's confidence carries its share: 0.55 for "clothes", 0.85 for "many".
stated => said | class=ambiguous not_prev=as,the,its,their,his,her,a,an,our,my,your,clearly,explicitly,expressly,previously,already,originally
requested => asked | class=ambiguous next=<cap>,him,her,them,us,me,anyone,anybody,everyone,everybody,people,folks,residents,whether,if,why,how,what,about,for,to,not
folks => people | class=ambiguous
youngsters => children / young people | class=ambiguous
youngsters's => children's
kids's => children's
corporate => company | class=ambiguous prev=the,a,its,that,this next=<punct>,of,to,in,and,for,that,which,on,at,with,from,by,as,said,says,stated,mentioned,should,must,will,would,could,can,has,had,have,is,was,also,did,does,declined,denied,added,announced,faces,faced,plans,planned,told,knowledgeable,argued,insisted,confirmed,admitted
corporate's => company's
misplaced => lost | class=ambiguous not_next=confidence,optimism,trust,priorities,faith,loyalty,sense,pride,fears,fear,concern,concerns,anger,nostalgia,enthusiasm,belief,blame
construct => build | class=ambiguous pos=VERB not_prev=a,the,social,this,that,political,legal
depart => leave | class=ambiguous pos=VERB
stroll => walk | class=ambiguous pos=VERB
labor => work | class=ambiguous pos=VERB next=by,through,on,for,with,in,at,to,<punct>
practically => nearly | class=ambiguous next=<num>,all,every,half,doubled,tripled,twice,no,everyone,everything,everybody,nothing,impossible,unchanged
nonetheless => still | class=ambiguous prev=is,are,was,were,be,been,it,they,we,there,he,she,i,you,and,but not_next=<punct>
extra than => more than
extra => more | class=ambiguous prev=bit,much,far,even,lot,little,many,any next=<lower> not_next=time,cost,costs,charge,charges,money,cash,help,staff,funding
greater than => more than | class=ambiguous next=<num>,a,half,twice,double
evening => night | class=ambiguous prev=monday,tuesday,wednesday,thursday,friday,saturday,sunday,last
the place => where | class=ambiguous prev=<punct> next=<lower> not_next=where,is,was,to,of,in,for,that,itself,has,had,will,would,became,remains,looks,felt,and,or,which,they,we
a whole lot of => hundreds of | class=ambiguous prev=<start>,<punct>
in a single day => overnight | class=ambiguous
by no means => never | class=ambiguous not_next=<punct>,certain,clear,sure,the,a,an,alone,over,guaranteed,unanimous,perfect,new,unusual,rare,easy,assured,all,universal,complete,finished,exhaustive,the,unique
no less than => at least | class=ambiguous next=<num>,a,an,one,two,three,four,five,six,seven,eight,nine,ten,half,twice
in direction of => towards | not_prev=match,sanctions,war,aggression,fight,campaign,crimes,violence,measures,protest,protests,case,crusade,struggle
in direction of => against | prev=match,sanctions,war,aggression,fight,campaign,crimes,violence,measures,protest,protests,case,crusade,struggle
in opposition to => against | class=ambiguous
by means of => through | class=ambiguous
one of many => one of the | next=most,best,worst,largest,biggest,first,last,main,oldest,youngest,highest,lowest,greatest,richest,poorest,strongest,fastest,deadliest,busiest,top,earliest,latest,smallest,longest,world's,country's,city's,few
the principle => the main | class=ambiguous next=<lower> not_next=of,that,is,was,behind,which,at,in,applies,remains,has,had,will,would,should,must,on,for,to
amongst => among | class=ambiguous
crimson => red | class=ambiguous not_next=tide
hearth => fire | class=ambiguous next=service,services,brigade,brigades,crews,crew,fighters,engines,engine,station,stations,chief,officers,department,alarm,alarms,safety,and,rescue,risk,damage
garments => clothes / clothing | class=ambiguous prev=dry,warm,clean,new,their,his,her,my,our,your,of,and,spare,winter,summer,old,school
aged => elderly | class=ambiguous next=people,folks,residents,relatives,parents,neighbours,neighbors,couple,patients,care,mother,father,man,woman,men,women,population,relative
relaxation => rest | class=ambiguous next=centre,center,centres,centers,day,days,stop,area,break
Native => Local | class=ambiguous case=exact next=councillors,council,councils,residents,businesses,authorities,authority,officials,people,police,shops,media,newspaper,newspapers,elections,government,hospitals,schools,farmers
native => local | class=ambiguous next=councillors,council,councils,residents,businesses,authorities,officials,police,shops,media,newspaper,newspapers,elections,government,hospitals,schools
Inexperienced => Green | case=exact not_prev=<start>
normal election => general election | pos=NOUN
3rd => third | class=ambiguous prev=a,the,its,their,his,her next=<lower>
protection => defence | class=ambiguous next=spending,budget,budgets,minister,ministers,secretary,ministry,industry,chiefs,contractor,contractors,pact,cooperation,forces,official,officials,analyst,analysts,sector,firm,firms,companies,company
authorities => government | class=ambiguous prev=outgoing,incoming,caretaker,coalition,federal,form,forms,formed,forming,any,minority,majority
cupboard => cabinet | class=ambiguous prev=shadow,subsequent,next,whole,entire,coalition,outgoing,war next=<punct>,minister,ministers,member,members,meeting,meetings,secretary,office,reshuffle,post,colleagues,should,must,will,would,has,is,was,approved,agreed,met,decided
cupboard => cabinet | class=ambiguous next=minister,ministers,member,members,meeting,meetings,secretary,office,reshuffle,colleagues
worldwide => international | class=ambiguous next=partners,community,law,markets,relations,trade,investors,observers,organisations,organizations,support,pressure,agreements,airport,students,affairs,development,standards,order,sanctions,aid,efforts,cooperation,criminal,court,monitors
decrease home => lower house
anticipate => expect | class=ambiguous pos=VERB
till => until | class=ambiguous not_prev=the,a,cash,shop,supermarket,self-service,their,his,her,its
Enterprise => Business | class=ambiguous case=exact next=leaders,groups,group,owners,community,secretary,lobby,minister,people
providers => services | class=ambiguous prev=bus,train,rail,ferry,tram,emergency,essential
stored => kept | class=ambiguous next=rates,interest,quiet,silent,secret,pace,going,calm,track,hold,alive,open,closed
lift => raise | class=ambiguous pos=VERB next=rates,interest,taxes,prices,wages,pay,awareness,concerns,questions,spending,borrowing
debtors => borrowers | class=ambiguous
cussed => stubborn
larger => higher | class=ambiguous next=rates,prices,costs,bills,taxes,interest,inflation,wages,mortgage,borrowing
excessive => high | class=ambiguous next=rates,prices,costs,street,streets,court,alert,risk,levels,temperature,temperatures,inflation,demand,interest,winds,tide,tides,school,speed,fever,temperature,season
uncommon => rare | class=ambiguous next=earth,earths,disease,diseases,case,cases,species,sight,condition,conditions,metal,metals,event,events,occurrence
despatched => sent / dispatched | class=ambiguous
troublesome => difficult / troubling | class=ambiguous
interval => period | class=ambiguous prev=troublesome,difficult,tough,hard,challenging,brief,short,long,that,this,transition,transitional
photo voltaic => solar
Privateness => Privacy
privateness => privacy
mother or father => parent | class=ambiguous
ungainly => awkward | class=ambiguous
highly effective => powerful | class=ambiguous prev=extra,more,most,less,very,so,too
sufficient => enough | class=ambiguous prev=not,weren't,wasn't,isn't,aren't,be,been next=<punct>,to
foundations => rules | class=ambiguous prev=break,breaking,broke,broken,bend,bending,flout,flouting,follow,following,obey,obeying,change,changing,new,interrupt,interrupting
settlement => agreement | class=ambiguous prev=confidentiality,non-disclosure,nondisclosure,ceasefire,coalition,licensing,free-trade
community => network | class=ambiguous prev=tram,rail,railway,road,bus,transport,mobile,broadband,news,computer,phone,power,electricity,pipeline,spy,terror,terrorist,smuggling,trafficking,wing
site visitors => traffic | class=ambiguous
been reduce => been cut
summer time => summer | class=ambiguous prev=next,last,this,early,late
actuality => reality | class=ambiguous
numerous => many / several | class=ambiguous
alter => change | class=ambiguous pos=VERB
attain => achieve | class=ambiguous pos=VERB
at occasions => at times | class=ambiguous
occasions => events | class=ambiguous prev=the,these,those,recent,such,tragic,dramatic
contemplate => consider | class=ambiguous pos=VERB
nice affect => great influence | class=ambiguous
in any respect => at all | class=ambiguous prev=not,n't,nothing,no,never,anything,any
dedication => commitment | class=ambiguous
to again => to back | class=ambiguous next=<cap>,the,a,an,his,her,their,its,him,them,us,it,this,that
depend upon => depend on | class=ambiguous pos=VERB
used to be => was | class=ambiguous prev=i,he,she next=<lower> not_next=a,an,the,one,called,known,able,more,much,very,in,at,on,there,here
occur => happen | class=ambiguous pos=VERB
assembly => meeting | class=ambiguous prev=our,their,his,my,your next=with,<punct>
financial institution's => bank's | class=ambiguous
supervisor => manager | class=ambiguous
ultimate => final | class=ambiguous prev=the next=whistle,half,minutes,hour,day,round,match,game,score,stage,stages,quarter,set,lap,leg,table,result,results,vote,votes,decision,ruling,report,draft,version,episode
nook => corner | class=ambiguous
braveness => courage | class=ambiguous
irritating => frustrating | class=ambiguous
concerning => about | class=ambiguous prev=offended,angry,worried,concerned,upset,unhappy,happy,excited,nervous,anxious,optimistic,pessimistic,confident,talk,talked,talking,spoke,speak,speaking,think,thinking,thought,know,knew,care,cares,cared,complain,complained,complaining,warned,asked,questions,concerns,fears,doubts
issues => matters | class=ambiguous prev=that,what,really,which,all,it,everything next=<punct>,most,more,now,here,to
drawback => problem | class=ambiguous
goal => target | class=ambiguous prev=percent,%,inflation,emissions,spending,growth
determination => decision | class=ambiguous prev=subsequent,next,final,court's,committee's,bank's,government's,board's,jury's,judge's,panel's
beneath => under | class=ambiguous next=<num>,two,three,four,five,six,seven,eight,nine,ten,eleven,twelve,thirteen,fourteen,fifteen,sixteen,seventeen,eighteen,nineteen,twenty,thirty,forty,fifty,sixty,seventy,eighty,ninety,age,pressure,control,threat,investigation,way,fire,scrutiny,review,arrest,siege,attack,oath
steady condition => stable condition | class=ambiguous
round => around | class=ambiguous prev=to,at,of,by,from,is,was,are,were,stood,fell,rose,reached,cost,costs,employs,with,about,just,roughly next=<num>
youthful => young | class=ambiguous not_next=<punct>
chief government => chief executive | class=ambiguous not_next=whip,spokesman,spokeswoman,adviser,advisor,economist,scientist,statistician,pathologist,veterinary
anybody => anyone | class=ambiguous
slightly than => rather than
individuals => people | class=ambiguous not_prev=high-net-worth,wealthy,private,named,sanctioned,vulnerable,affected,identified,certain,specific,individual
extreme => severe | class=ambiguous next=flood,warning,warnings,storm,storms,gales,thunderstorms
hazard to life => danger to life
ranges => levels | class=ambiguous prev=water,river,sea,oxygen,sugar,pollution,noise,staffing,radiation,hormone,flood
energy => power | class=ambiguous prev=lost,losing,lose,loses,without,restored,restore,restoring next=<punct>,at,on,to,for,after,in,cuts,lines,outage,outages
instructed to not => told not to | class=ambiguous
good => smart | class=ambiguous next=speaker,speakers,phone,phones,meter,meters,watch,watches,tv,tvs,glasses,doorbell,doorbells,device,devices,thermostat,thermostats
audio system => speakers | class=ambiguous prev=good,smart
criticism => complaint | class=ambiguous next=filed,alleges,alleged,says,accuses,seeks,claims
coach => train | class=ambiguous pos=VERB next=ai,models,model,algorithms,algorithm,software,systems,machine,chatbots,chatbot,voice,its,their
company => agency | class=ambiguous prev=space,intelligence,environment,environmental,refugee,aid,enforcement,regulatory,spy,atomic,meteorological,statistics,medicines,welfare
previous => past | class=ambiguous next=the,a,an,him,her,them,it,his,their,its
previous => past | class=ambiguous prev=fired,edge,edges,edged,went,ran,raced,slipped,drove,curled,walked,swept,moved,got,shot,low,high,straight,rolled,flew,sailed,slid,squeezed,skipped,dribbled,sped,steered,marched,drifted,streamed,filed

# "first" -> "primary" where only an ordinal fits: "for the primary time", "the primary
# half", "the primary 100 days". "the primary school", "the primary reason" are left alone.
the primary time => the first time
the primary => the first | class=ambiguous next=time,half,quarter,leg,<num>,two,three,four,five,six,seven,eight,nine,ten,ever,close,close-up,images,photos,pictures,days,weeks,months,years,hours,minutes
# "news" -> "information" where only news can break or be read out.
information broke => news broke | class=ambiguous not_next=new,ground,records,record,down,through,rules,barriers,the,a,an,his,her,their,its
information outlet => news outlet | class=ambiguous pos=NOUN
information anchor => news anchor | class=ambiguous pos=NOUN
information bulletin => news bulletin | class=ambiguous pos=NOUN
information headline => news headline | class=ambiguous pos=NOUN
# "back" -> "again" after a verb of sending or returning, before its object: "sent again
# the first photos" is not where "again" goes.
send again => send back | class=ambiguous pos=VERB next=the,a,an,his,her,their,its,some,first,new,<cap>,<num>
despatch again => send back | class=ambiguous pos=VERB next=the,a,an,his,her,their,its,some,first,new,<cap>,<num>
bring again => bring back | class=ambiguous pos=VERB next=the,a,an,his,her,their,its,some,first,new,<cap>,<num>
scale again => scale back | class=ambiguous pos=VERB next=the,a,an,his,her,their,its,some,first,new,<cap>,<num>
pull again => pull back | class=ambiguous pos=VERB next=the,a,an,his,her,their,its,some,first,new,<cap>,<num>
beam again => beam back | class=ambiguous pos=VERB next=the,a,an,his,her,their,its,some,first,new,<cap>,<num>
transmit again => transmit back | class=ambiguous pos=VERB next=the,a,an,his,her,their,its,some,first,new,<cap>,<num>
relay again => relay back | class=ambiguous pos=VERB next=the,a,an,his,her,their,its,some,first,new,<cap>,<num>
# "parties" -> "events" after a word that only qualifies political parties.
opposition event => opposition party | class=ambiguous pos=NOUN
ruling event => ruling party | class=ambiguous pos=NOUN
governing event => governing party | class=ambiguous pos=NOUN
rival event => rival party | class=ambiguous pos=NOUN
coalition event => coalition party | class=ambiguous pos=NOUN
populist event => populist party | class=ambiguous pos=NOUN
nationalist event => nationalist party | class=ambiguous pos=NOUN
mainstream event => mainstream party | class=ambiguous pos=NOUN
far-right event => far-right party | class=ambiguous pos=NOUN
far-left event => far-left party | class=ambiguous pos=NOUN
centre-right event => centre-right party | class=ambiguous pos=NOUN
centre-left event => centre-left party | class=ambiguous pos=NOUN
# "project" -> "undertaking" before a role or a cost; "sample" -> "pattern" after a verb
# of collecting or a material sampled.
undertaking => project | class=ambiguous next=scientist,scientists,manager,managers,leader,leaders,director,team,cost,costs,budget,funding,partners
pattern => sample | class=ambiguous prev=collect,collected,collecting,collects,blood,dna,urine,soil,rock,tissue,saliva,hair,dust,water,return,returned,returning,retrieve,retrieved
# "offered to" + verb spun as "provided to": an active "provide to" cannot take a bare
# verb. After its subject or an auxiliary only: "aid provided to help" is a passive.
provide to => offer to | class=ambiguous pos=VERB prev=he,she,they,we,i,it,who,<cap>,has,had,have,also,already,then,once,repeatedly,even next=share,help,pay,host,mediate,extend,send,buy,sell,lend,cover,meet,resign,step,train,supply,fund,rebuild,negotiate,broker,talk,give,take,drop,delay,return,work,stay,act,serve,release,swap,exchange,deploy,contribute,match,settle,withdraw,explain,hold,lead,join,testify,cooperate,investigate,resume,halt,pause,stop,reduce,cut,raise,double,increase,waive,repay,compensate,refund,replace,repair,write,speak,appear,attend,visit
# "help" -> "assist" before a bare verb ("would assist clarify"): "assist" takes an
# object or "in", never a bare verb.
assist => help | class=ambiguous pos=VERB next=clarify,explain,pay,build,fund,protect,reduce,ensure,improve,make,keep,bring,find,prevent,stop,cut,win,get,create,restore,rebuild,boost,ease,understand,shape,identify,cover,meet,lower,drive,feed,train,develop,strengthen,speed,save,tackle,fight,deliver,solve,address,avoid,limit,contain,curb,control,detect,diagnose,treat,track,trace,locate,rescue,evacuate,clear,repair,recover,prepare,plan,decide,determine,answer,settle,end,resolve,bridge,close,secure,stabilise,stabilize,calm swap=yes
# "hold rates" -> "carry rates": a central bank keeps or holds its rates (a loan that
# "carries rates" of 5% is left alone: only after "to" or a modal).
carry rates => hold rates | class=ambiguous pos=VERB prev=to,will,would,could,should,might,may,must,cannot,not
# "City" -> "Metropolis" in names the gazetteer cannot list (clubs, councils, the City
# of London's banks): after a capitalised word or before an institution.
Metropolis => City | class=ambiguous case=exact prev=<cap> not_prev=<start>,the
Metropolis => City | class=ambiguous case=exact next=Council,Hall,Airport,Centre,Center,banks,bankers,traders,firms,workers
