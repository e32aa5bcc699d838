"""Events in one document: what each sentence says happened (its kind, people, date and venue),
then the sentences that report the same event joined into one."""

import calendar
import datetime
import functools
import re
from dataclasses import dataclass, field, replace

from . import dates, names, people, places
from . import text as textmod
from .merge import RANK, people_fit, periods_agree
from .topics import tag
from .types import DateValue, ExtractedEvent, PlaceRef, Sentence, Span

AGREEMENT_NOUN = (
    r"(?:agreements?|pacts?|deals?|contracts?|accords?|treat(?:y|ies)|MoUs?|memorand(?:um|a)|protocols?|roadmaps?"
    r"|declarations?|joint\s+statements?|communiqu[eé]s?|charters?)"
)
AGREEMENT_RE = re.compile(
    # ("signs the pact", "issues a joint statement", but "to address the remaining issues": a noun)
    rf"\b(?:(?:(?:sign|ink|adopt|issu|releas)(?:ed|ing)?|(?:sign|ink|adopt|issu|releas)(?:es|s)(?=\s+(?:a|an|the|joint|their|its|two|three|four|five|several|\d+)\b))\b(?=.*\b{AGREEMENT_NOUN}\b)"
    rf"|(?:conclud(?:ed|es)|reach(?:ed|es)?|struck|strike|exchang(?:ed|es))\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?{AGREEMENT_NOUN}"
    # "have signed a number of intergovernmental documents"
    r"|(?:signed|signs|sign|inked)\s+(?:an?\s+(?:number|package|set|series)\s+of\s+|several\s+|\w+\s+)?(?:[\w-]+\s+)?documents\b"
    # "part of an agreement reached during a good series of meetings in Jeddah"
    rf"|\b{AGREEMENT_NOUN}\s+(?:was\s+|were\s+)?(?:reached|struck|concluded|inked)\b"
    # "Two agreements, on Joint Staff Talks and Air-to-Air Refuelling, were signed in the presence of …"
    # (also "an MoU on defence industrial cooperation was signed")
    # ("MoUs/ Agreements in the fields of defence, broadcasting, Customs cooperation … were exchanged")
    rf"|\b{AGREEMENT_NOUN}(?:\s*/\s*[\w-]+)?(?:,[^,;]{{1,80}},|\s+(?:on|for|in|to)\s+[^;.]{{1,200}}?)?\s+(?:was|were|have\s+been|has\s+been)\s+(?:signed|exchanged)\b"
    r"|agree[sd]?\s+to\s+(?:restore|resume|re-?establish|establish|reopen|normali[sz]e|sign|launch|create|form|set\s+up|upgrade|elevate)\b"
    # "India and Malaysia on Tuesday elevated their ties to a comprehensive strategic partnership"
    r"|(?:elevated|upgraded|raised)\s+(?:their|the|bilateral)\s+(?:bilateral\s+)?(?:ties|relations|relationship)\s+to\b"
    # "Ukraine and India have agreed on four documents"
    rf"|agreed\s+(?:on|upon)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?(?:{AGREEMENT_NOUN}|documents)\b"
    # "Modi and Hasina witnessed the exchange of seven MoUs"
    rf"|(?:witness(?:ed|es)?|welcomed)\s+the\s+(?:signing|exchange|inking)\s+of\s+(?:[\w-]+\s+){{0,4}}?(?:{AGREEMENT_NOUN}|documents)"
    # "The two men also presided over Memorandums of Co-operation on sports", "They announced the … joint statement"
    rf"|presided\s+over\s+(?:the\s+(?:signing|exchange)\s+of\s+)?(?:[\w-]+\s+){{0,3}}?(?:{AGREEMENT_NOUN}|memorandums|documents)"
    rf"|announced\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,2}}?(?:joint\s+statement|declaration|roadmap)\b"
    r"|extend(?:ed|s)?\s+(?:their|the|its)\s+[\w\s-]{0,40}?(?:cooperation|agreement|pact|programme|program)\b(?:\s+ties)?\s+for)",
    re.I,
)
SUMMIT_RE = re.compile(r"\bsummit(?!-level)(?:\s+meeting|\s+talks)?\b", re.I)  # ("summit-level bilateral discussions" are talks)
VISIT_RE = re.compile(
    r"\b(?:(?:left|leaves|leave|leaving|departed|departs|headed|heading|set\s+off)\s+for"
    r"|(?:arrived|arrives|arriving|arrive|landed|lands|touched\s+down|touches\s+down)(?=\s+(?:in|at|on|to|for|here|there|late|early|yesterday|today|this|last|[A-Z]))"
    r"|(?:reached|reaches|will\s+reach)(?=\s+(?:here|there|(?-i:[A-Z])))"
    # "Reaching Mongolia on the night of September 5, …": an opening participle of the subject's arrival
    r"|^\s*(?-i:Reaching|Arriving\s+(?:in|at))(?=\s+(?-i:[A-Z]))"
    r"|(?:will|would)\s+(?:first\s+|also\s+|then\s+|later\s+|next\s+)?visit|visited|is\s+visiting|to\s+visit|on\s+an?\s+(?:[\w-]+\s+){0,3}visit\s+to"
    # "will be in Chile on a state visit": someone in a place on a visit
    r"|(?:is|was|are|were|be)\s+(?:currently\s+|now\s+|already\s+)?in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+(?:on|for)\s+an?\s+(?:[\w-]+\s+){0,3}visit\b"
    # "the Union Minister is currently in Russia to attend the forum" (one traveller: "Both the leaders are
    # in Tokyo to attend a meeting" is the meeting)
    r"|(?:is|was)\s+(?:currently\s+|now\s+|already\s+)?in\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?\s+to\s+(?:attend|participate\s+in|take\s+part\s+in)\b"
    r"|(?:pa(?:y|ys|id|ying)|ma(?:ke|kes|de|king))\s+(?:an?\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,3}?visit\s+to|(?:state|official|working)\s+visit\s+to"
    # ("cooperation in energy and travel to meeting Covid-19 challenges": the noun, before a gerund)
    r"|travel(?:l?ed|s|l?ing)?\s+(?:from\s+(?:[A-Z][\w-]+\s+){1,3})?to(?!\s+(?-i:[a-z]+ing)\b)|(?:emplaned|flew|flies)\s+(?:to|for|into)"
    # "She went to New Delhi on Friday at the invitation of …"
    r"|went\s+to(?=\s+(?-i:[A-Z]))"
    # "Kishida’s visit to Seoul", "the visit by Prime Minister Noda to Seoul" (or "of Prime Minister Noda", not "of a
    # team of officials" nor "of the Sultan of Brunei", whom the sentence does not name), "during a visit to Beijing"
    # ("the minister’s first visit to India since …" describes a visit rather than reporting it)
    # ("Prime Minister Narendra Modi’s arrival on Saturday evening — his first visit to China …")
    r"|['’]s\s+arrival\s+(?=(?:in|at|on)\s)"
    r"|['’]s\s+(?!first|maiden|second|third|last|previous)(?:[\w-]+\s+){0,3}(?:visit|trip|tour)\s+(?:to|of)|\bvisit\s+(?:by(?=\s+(?:[\w-]+\s+){1,6}to\s)|of(?=\s+(?-i:[A-Z])(?:[\w.-]+\s+){1,6}to\s))"
    # "Japanese PM Kishida in India for talks with PM Modi": a headline's traveller, there for talks
    r"|^\s*(?:(?-i:[A-Z])[\w’'.-]*\s+){1,6}in\s+(?-i:[A-Z])[\w-]+(?:\s+(?-i:[A-Z])[\w-]+)?\s+(?:for|to\s+attend)\s+(?:[\w-]+\s+){0,3}?(?:talks|visit|summit|meeting|meet|conference)\b"
    # "the state visit President El-Sisi made to New Delhi in January"
    r"|\b(?:visit|trip)\s+(?:(?-i:[A-Z])[\w.’'-]*\s+){1,5}(?:made|paid)\s+to(?=\s+(?-i:[A-Z]))"
    # "Trump also warmly recalled his visit to India in February this year": a visit of its own time
    r"|\brecall(?:ed|s|ing)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip)\s+to"
    # "Modi on Wednesday called his visit to Austria very special": the speaker's own visit
    r"|\b(?:called|calls|described|describes|termed|terms)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip)\s+to"
    # "Singh was accorded a ceremonial welcome at the Parliament House": a guest's welcome, part of the visit
    # (also "received a grand welcome ceremony by President Lula")
    # (also "were accorded the Guard of Honour … upon their arrival")
    r"|\b(?:(?:was|were)\s+(?:accorded|given)|received|receives)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?welcome(?:\s+ceremony)?\b"
    r"|\b(?:was|were)\s+(?:accorded|given)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?-i:G)uard\s+of\s+(?-i:H)onou?r\b(?=[^.;]*\barrival\b)"
    # "On Tuesday, Si Cinpin's visit continued and he met …"
    r"|['’]s\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour)\s+(?:continued|continues|began|begins|ended|ends)\b"
    r"|(?:during|on)\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,3}(?:visit|trip)\s+to"
    # "met Vice President Dhankhar … during his state visit on Monday": the visit the report is set in
    r"|(?<=,\s)during\s+(?:his|her)\s+(?:state\s+|official\s+)?visit(?=\s+(?:on|here|this|last|yesterday|today)\b)"
    r"|\b(?:on|during)\s+the\s+\w+(?:\s+and\s+(?:last|final))?\s+day\s+of\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:visit|trip|tour)\s+(?:to|of)"
    # "PM Modi’s tour will begin with a visit to Nigeria from November 16-17"
    r"|\b(?:begin|begins|began|start|starts|started)\s+with\s+(?:a|an|his|her)\s+(?:[\w-]+\s+){0,2}visit\s+to"
    r"|(?:began|begins|started|starts|kicked\s+off|kicks\s+off|wrapped\s+up|wraps\s+up|wrapping\s+up|concluded|concludes|concluding|ended|ends"
    r"|embark(?:ed|s)?\s+on|embarking\s+on)"
    r"\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}(?:visits?|trips?|tours?)\s+(?:to|of))\b",
    re.I,
)
MEAL = r"(?:luncheon|lunch|dinner|banquet|breakfast|reception)"
WELCOME_END_RE = re.compile(r"(?:welcome(?:\s+ceremony)?|[Gg]uard\s+of\s+[Hh]onou?r)$")  # the end of a guest's welcome VISIT_RE finds
PAST_MEETING_WORDS = (
    r"(?:(?:first|last|previous|earlier|latest|most\s+recent)\s+)?(?:meeting|interaction|encounter|talks|conversation|call)"
    r"\s+(?:happened|took\s+place|was\s+held|were\s+held)"
)
MEETING_VERB_RE = re.compile(
    # ("The leaders convened on Friday": the pair met)
    r"\b(?:met|meets|meet|meeting\s+with|(?:(?<=\bleaders\s)|(?<=\bministers\s))convened|(?:meeting|talks|summit|dialogue|(?:(?:tele)?phone\s+)?(?:call|conversation))\s+(?:held\s+)?between"
    # "The Foreign Office Consultation (FOC) between A and B held today" (not "an agreement to establish
    # regular political consultations between India and Djibouti")
    r"|consultations?\s+(?:\((?-i:[A-Z]{2,6})\)\s+)?between(?=[^.;]{0,200}\b(?:held|took\s+place)\b)"
    r"|(?:talks|consultations)\s+with|call(?:ed|s)?\s+(?:on|upon)|courtesy\s+calls?\s+(?:to|with)"
    # "The Prime Minister recalled his recent conversation with the UK PM Keir Starmer" (of its own time)
    r"|recall(?:ed|s|ing)\s+(?:his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:conversation|meeting|talks|call|discussions)\s+with"
    # "had an in-depth exchange of views with Russian Deputy Foreign Minister Sergey Ryabkov"
    r"|(?:had|has|have|held|holds|hold)\s+an?\s+(?:[\w-]+\s+){0,2}?exchange\s+of\s+views\s+with(?=\s+(?:(?-i:[A-Z])|his|her|their))"
    # (not what someone said or did: "welcomed Prime Minister Modi's call for peace")
    r"|(?:received|receives|receive|hosted|hosts|host|welcomed|welcomes|welcome)(?=\s+(?:(?-i:[A-Z])|his|her|the\s+(?-i:[A-Z])|visiting))"
    r"(?!\s+(?:the\s+)?(?:(?-i:[A-Z])[\w.-]*\s+){0,5}(?-i:[A-Z])[\w-]*['’]s\s+(?-i:[a-z]))"
    r"|(?:was|were|is|are|being)\s+(?:warmly\s+)?(?:received|welcomed|greeted|hosted)\b"
    r"|(?:shakes|shook|shake|shaking)\s+hands\s+with"
    # "also had an audience with the Emperor and Empress of Japan"
    r"|(?:had|has|have|granted)\s+(?:an?\s+)?(?:private\s+|royal\s+)?audience\s+with"
    # "started his five-day visit to Britain on Sunday by meeting Mr Cleverly"
    r"|(?<=\bby\s)meeting(?=\s+(?:(?-i:[A-Z])|his|her|the\s+(?-i:[A-Z])))"
    # "Nazarbayev truly rolled out the red carpet for Prime Minister Manmohan Singh": a host receiving a guest
    r"|roll(?:ed|s)?\s+out\s+(?:the|a)\s+red\s+carpet\s+for"
    # "organised a luncheon in honour of Prime Minister Modi", "hosted a state dinner for"
    rf"|(?:organi[sz]ed|hosted|gave|held|threw)\s+an?\s+(?:[\w-]+\s+){{0,2}}?{MEAL}\b(?:\s+[\w-]+){{0,6}}?\s+(?:for|in\s+honou?r\s+of)"
    # "at a joint press conference with Indian Prime Minister Narendra Modi"
    r"|joint\s+(?:press|news)\s+(?:conference|briefing)\s+with(?=\s+(?:(?-i:[A-Z])|his|her|their|the\s+(?-i:[A-Z])))"
    # "PM Modi had a dinner with Singaporean Prime Minister Wong"
    rf"|(?:had|has|have|shared|shares)\s+an?\s+(?:[\w-]+\s+){{0,2}}?{MEAL}\s+with(?=\s+(?:(?-i:[A-Z])|his|her|their))"
    # "attended a banquet hosted in her honour by Slovakia President Peter Pellegrini"
    rf"|{MEAL}\s+(?:hosted|given|organi[sz]ed)\s+(?:in\s+(?:her|his|their)\s+honou?r\s+)?by"
    r"|(?:consulted|consults|conferred|confers)\s+(?:[\w-]+\s+){0,3}?with"
    r"|(?:are|were|is|was)\s+(?:currently\s+|now\s+)?in\s+(?:[\w-]+\s+){0,2}?(?:talks|discussions|negotiations)"
    r"|(?:spoke|speak|speaks|speaking|talked|talk|talks|talking)\s+(?:by|on|over)\s+(?:the\s+)?(?:tele)?phone"
    r"|(?:speak|speaks|spoke)\s+in\s+(?:a\s+)?(?:tele)?phone\s+call"
    r"|(?:tele)?phon(?:e|ic)\s+(?:call|conversation|talks)\s+(?:with|between)|(?:video|virtual)\s+(?:call|conference|talks)\s+(?:with|between)"
    # "interacted with his Malaysian counterpart", "the interaction between the two"
    # (also "will also interact with two top US officials, including …")
    r"|interact(?:ed|s)?\s+(?:virtually\s+)?with(?=\s+(?:(?-i:[A-Z])|his|her|their|(?:two|three|four|several)\s+(?:[\w-]+\s+){0,2}officials,\s+including\b))|interaction\s+between"
    r"|co-?chair(?:ed|s|ing)?|(?:held|hold|holds|holding|had|have|has|(?:are|is|were|was)\s+having|started|starts|began|begins|(?<=\bhave\s)begun|(?<=\bhas\s)begun|concluded|concludes|opened|opens"
    r"|engag(?:e|es|ed|ing)\s+in)"
    r"\s+(?:a\s+|an\s+|their\s+|his\s+|her\s+)?(?:(?:courtesy|bilateral|wide-ranging|separate|[a-z]+-level|detailed|extensive|one-on-one|high-level|formal|informal|official|restricted|closed-door|productive|fruitful|substantive|in-depth|telephonic|telephone|first|second|third|maiden|annual|inaugural"
    r"|diplomatic|cordial|warm|frank|candid|constructive|comprehensive|detailed|strategic|crucial|key|important|extensive|wide-ranging|face-to-face"
    # ("had an almost two-hour-long video call")
    r"|almost|nearly|about|over|lengthy|long|(?:[\w-]+-)?(?:hour|minute)s?(?:-long)?)\s+)*"
    r"(?:(?:tele)?phone\s+|video\s+|virtual\s+|\d\+\d\s+)?(?:talks|meetings?|meet|discussions?|consultations|parleys|conversations?|calls?|dialogue)"
    # "after having "intense but very productive" engagements with Maros Sefcovic"
    r"|(?:had|having|held|holding)\s+(?:[\w\x22“”'-]+\s+){0,5}?engagements?\s+with(?=\s+(?:(?-i:[A-Z])|his|her|their))"
    # "a two-hour meeting that Jaishankar had with Wang", "the talks Lula held with Xi"
    r"|(?:meeting|talks|discussions|conversation)\s+(?:that\s+|which\s+)?(?:(?-i:[A-Z])[\w.’'-]*\s+){1,4}(?:had|held)\s+with(?=\s+(?:(?-i:[A-Z])|his|her|their))"
    # "held the 23rd round of Special Representatives talks"
    r"|(?:held|hold|holds|holding|had|concluded|began|started)\s+(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+)?round\s+of\s+(?:[\w’'-]+\s+){0,4}?(?:talks|dialogue|consultations|negotiations|discussions)\b"
    r"|(?:spoke|spoken|speaks|speaking|talked|talking)\s+(?:by\s+phone\s+|over\s+the\s+phone\s+)?(?:with|to)(?=\s+(?:[A-Z]|his|her|their))"
    r"|(?:dialled|dialed|dials|telephoned|phoned)(?=\s+(?:[A-Z]|his|her|their))"
    # "the program included meetings with Federal President Van der Bellen and Chancellor Nehammer"
    r"|(?:programme|program|schedule|itinerary)\s+(?:also\s+)?(?:included|includes)\s+(?:[\w-]+\s+){0,2}?meetings?\s+with"
    # "Oli today called PM Modi to extend his greetings": a call made to say something
    r"|(?-i:called)(?=\s+(?:(?-i:[A-Z])[\w.]*\s+){1,5}to\s+(?:extend|convey|congratulate|greet|wish|express|thank|enquire|inquire|offer|share)\b)"
    # "Modi today received telephone calls from H.E. Mr. Moon Jae-in, …; H.E. Mr. E.D. Mnangagwa, …"
    r"|received\s+(?:a\s+)?(?:tele)?phone\s+calls?\s+from"
    # "Ratu Wiliame received a courtesy call from President Murmu at the State House"
    r"|received\s+(?:a\s+)?courtesy\s+calls?\s+from"
    # "delegation-level talks led by PM Modi and Hasina"
    r"|(?:talks|meeting|discussions|consultations|dialogue)\s+(?:were\s+|was\s+)?(?:led|co-?chaired|chaired|headed)\s+by"
    r"|discussed|deliberate[ds]?|conferred"
    # "Modi and his Greek counterpart Kyriakos Mitsotakis on Friday agreed to …": what two counterparts
    # did together, they did in talks
    r"|(?<=\band\s)(?:his|her)\s+(?:(?-i:[A-Z])[\w-]*\s+)?counterpart,?\s+(?:(?-i:[A-Z])[\w.’'-]*\s+){1,4},?\s*"
    r"(?:(?:on|this|last)\s+(?-i:[A-Z])\w+\s+|today\s+|yesterday\s+|also\s+|jointly\s+){0,2}"
    r"(?:agreed|decided|resolved|reviewed|vowed|pledged|took\s+stock|exchanged\s+views|underlined|emphasi[sz]ed|reaffirmed|welcomed|joined\s+forces)\b"
    # "Goyal and Al Zeyoudi launched negotiations for a … CEPA"
    r"|(?:launched|launches|opened|kicked\s+off)\s+(?:the\s+|formal\s+)?(?:[\w-]+\s+){0,2}?(?:negotiations|talks)\b"
    # "India and the United States held a bilateral 2+2 inter-sessional meeting"
    # ("held a working meeting and lunch with")
    # (not a count of them: "Jaishankar has held two meetings with Cafiero" sums up several)
    r"|(?:held|hold|holds|holding)\s+(?:a\s+|an\s+|the\s+|their\s+)?(?!(?:two|three|four|five|six|several|multiple|many|numerous|\d+)\s)(?:[\w+’'-]+\s+){1,3}?(?:talks|meetings?|dialogue|discussions|consultations)"
    r"(?=(?:\s+and\s+(?:a\s+)?(?:lunch|dinner|breakfast|talks))?\s+(?:in|on|with|at|between)\b)"
    # "the 2+2 Ministerial Dialogue got underway", "the dialogue which was held on Monday"
    r"|(?:dialogue|meeting|talks|consultations)\s+(?:got\s+underway|commenced|kicked\s+off)"
    r"|(?:dialogue|meeting|talks|consultations)\s+(?:which|that)\s+(?:was|were)\s+held"
    # "The 3rd round of India-Singapore Ministerial Roundtable was held in New Delhi today"
    r"|(?-i:[A-Z])[\w-]*\s+(?-i:Dialogue|Roundtable|Round\s+Table|Consultations|Commission|Meeting)\s+(?:was|were)\s+held\b"
    # "Modi's first bilateral meeting, amongst the five scheduled for Friday, was with Sirisena"
    r"|(?<=['’]s\s)(?:(?:first|second|third|next|last|final)\s+)?(?:bilateral\s+)?(?:meeting|talks)(?:,[^,;]{1,60},)?\s+(?:was|were)\s+with"
    # "Their first interaction happened on the sidelines of …": a meeting of the pair told of
    rf"|(?<=\b(?-i:T|t)heir\s)(?:{PAST_MEETING_WORDS})|(?<=['’]s\s)(?:{PAST_MEETING_WORDS})"  # "Trump and Modi's first conversation took place"
    r")\b",
    re.I,
)
# "the 2+2 meeting", "the SCO foreign ministers' meeting": a named occasion (not a bare "the meeting").
MEETING_NOUN_RE = re.compile(
    r"\b(?:during|at|in|from|after)\s+(?P<det>the|a|an|their|his|her|(?-i:(?:[A-Z][\w.-]*\s+(?:and\s+)?){0,5}[A-Z][\w-]*['’]s))\s+((?:(?!(?:after|before|the|a|an|of|for|with|in|on|at|during|from)\b)[\w+&’'-]+\s+){0,5}?)(?<!press\s)(?<!news\s)(?:meeting|talks|dialogue|meet|conference|lunch|luncheon|dinner|breakfast|banquet|interaction(?=\s+with\b))\b", re.I
)
ATTEND_RE = re.compile(r"\b(?:to\s+attend|will\s+attend|attend(?:ed|s|ing)?|represented\s+[A-Z]\w+\s+at|(?:took|take|takes|taken|taking)\s+part\s+in|participat(?:ed|es|e|ing)\s+in|(?i:chief\s+guest\s+(?:at|for|during|of)))\b")
# ("cooperation, which was witnessed during the pandemic": seen, no event)
OTHER_RE = re.compile(r"\b(?<!was\s)(?<!were\s)(?<!been\s)(?<!is\s)(?:inaugurated|laid\s+(?:a\s+)?wreath|witnessed|reviewed\s+(?:a|the)\s+parade)\b", re.I)
SPEECH_RE = re.compile(
    r"\b(?:said|says|stated|told|added|emphasi[sz](?:ed|ing)|stressed|underlined|warned|urged|called\s+for|targeted"
    r"|slammed|criticised|criticized|accused|asserted|remarked|announced|declared)\b"
)
OCCASION_RE = re.compile(
    r"\b(?i:in|during)\s+(?:his|her|a|the|their)\s+(?:\w+\s+)?(?:address|speech|remarks)\b|\b(?i:address(?:ing|ed)|speaking\s+at)\b"
    r"|^\W*At\s+the\s+(?:[A-Z][\w’'+-]*\s+){1,5}(?:meeting|summit|conference|forum|session|dialogue)"
    r"|\b(?:press|news)\s+conference\b|\btold\s+(?:reporters|journalists|the\s+media|parliament|lawmakers)\b"
)
# ("In his opening remarks at the Summit, the Prime Minister said …" is a speech at the summit, a statement)
OPENING_REMARKS_RE = re.compile(
    r"\bopening\s+(?:remarks|statement|address|comments)\b(?!\s+(?:at|to)\s+(?:the|a|an)\s+(?:[\w’'-]+\s+){0,5}?(?:summit|conference|forum|session|assembly|plenary)\b)", re.I
)
FOLLOWS_RE = re.compile(r"\b(?:follows|followed|comes\s+(?:[\w-]+\s+){0,2}?after|came\s+(?:[\w-]+\s+){0,2}?after)\b", re.I)
# "have met more than 20 times": a tally of meetings, not a meeting.
HABITUAL_RE = re.compile(
    r"\b(?:have|has)\s+(?:\w+\s+)?(?:met|held\s+talks)\b.*?\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|several|many|dozens\s+of|numerous)\s+times\b"
    r"|\b(?:regularly|frequently|often)\s+(?:meet|met|hold)\b|\b(?:meet|meeting|met)\s+(?:regularly|frequently|often)\b"
    # "the 2+2 Ministerial Dialogue is a diplomatic summit held every year since 2018"
    r"|\bheld\s+(?:every\s+year|annually|each\s+year|every\s+\w+\s+years)\b",
    re.I,
)
NEGATION_RE = re.compile(
    r"\b(?:no\s+plans?\s+to|not\s+(?:\w+\s+)?(?:meet|hold|visit|attend|sign)|never\s+met|ruled\s+out|cancel(?:l?ed|s)|called\s+off|refused\s+to)\b",
    re.I,
)
# An aim is no agreement yet: "the two countries are aiming to conclude the talks … and sign a CEPA by
# March 2022" (but "expressed readiness to hold the 2nd summit in Kazakhstan" is that summit, to come)
ASPIRATION_RE = re.compile(
    r"\b(?:aim(?:s|ing|ed)?|hop(?:e|es|ing|ed)|seek(?:s|ing)?|sought|intend(?:s|ing|ed)?|aspir(?:e|es|ing)|desire|wish|willingness|readiness)\s+to\b", re.I
)
REMOTE_RE = re.compile(r"phone|phonic|video|virtual|\bdial(?:l?ed|s)?\b|spoke|\bspeak|\btalk(?:ed|ing)\b", re.I)
CALL_RE = re.compile(r"phone|phonic|video|virtual|\bdial(?:l?ed|s)?\b|^called$", re.I)  # certainly not face to face ("dialled", not "dialogue"; "called X to extend greetings")
ON_THE_SIDELINES_RE = re.compile(r"\b(?:on|at)\s+the\s+(?:sidelines|margins)\s+of\b", re.I)
# (also "will interact with two top US officials, including A and B": one by one)
SPLIT_RE = re.compile(
    r"\b(?:bilateral\s+(?:meetings|talks)|bilaterally|separate(?:ly)?\s+(?:meetings|talks)?|separately|courtesy\s+calls"
    # (and "met several delegates and diplomats on the sidelines of UNGA, including A, B and C")
    r"|(?:two|three|four|five|several|a\s+number\s+of|various|many)\s+(?:[\w-]+\s+){0,3}?(?:officials|leaders|ministers|delegates|diplomats|counterparts|dignitaries)\b[^.;]{0,60}?,?\s+including)\b", re.I
)
BETWEEN_RE = re.compile(r"\b(?:meeting|summit|talks|dialogue|call|conversation)\s+between\b", re.I)
TRAVEL_WORD_RE = re.compile(r"\b(?:left|leaves|leave|leaving|heading|headed|trip|visit\w*|travel\w*|flew|went|arriv\w*|depart\w*|return\w*)\s+(?:to|for|in)\s*$", re.I)
IS_FIRST_RE = re.compile(r"\b(?:is|was|marking|marks|marked)\s+(?:his|her|their|its|the)\s+(?:first|maiden)\b", re.I)
AND_THE_FIRST_RE = re.compile(r"\band\s+the\s+(?:first|maiden)\b(?:\s+[\w’'-]+){0,10}\s+$", re.I)
SIDELINES_RE = re.compile(r"\b(?:sidelines|margins|conclusion|end|start|eve)\s+of\s*$", re.I)


PASSIVE_RECEPTION_RE = re.compile(r"(?:was|were|is|are|being)\s+(?:warmly\s+)?(?:received|welcomed|greeted)", re.I)
# "received at the airport", "welcomed upon his arrival", "received … in a ceremonial welcome": a welcome on arriving
AT_ARRIVAL_RE = re.compile(
    r"\bat\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:airport|air\s*base|airbase|tarmac)\b|\b(?:on|upon)\s+(?:(?:his|her|their)\s+)?arrival\b"
    r"|\b(?:arrived|arriving|landed|landing)\b|\bceremonial\s+(?:welcome|reception)|\bguard\s+of\s+hono(?:u)?r\b", re.I
)


REPORT_DATE_EVIDENCE = "the date of the report"
LEAD_BEFORE_EVIDENCE = "told of the event the report opened with, which it sets before its own time,"
LEAD_EVIDENCE = "as the report's lead event"
DURING_LEAD_EVIDENCE = "during the report's lead event"
OPENER_EVIDENCE = "the same day as the meeting the sentence reports"
# The day of the words a sentence closes with ("…, the ministry said on Tuesday"): it stands for the
# report's day (clustering takes it as such), and dates the story as the lead.
SOURCE_DAY_EVIDENCE = f"{REPORT_DATE_EVIDENCE}'s source"
HEADLINE_EVIDENCE = "a headline without a date"
EARLIER_EVIDENCE = "the report sets it before its own time"
DESCRIBED_EVIDENCE = "the report tells of it as past"
NOT_THE_LEADS_EVIDENCE = "the report gives no date for it, and it is not of the lead event's people"
DONE_BEFORE_EVIDENCE = "the report tells of it as done before what the sentence tells"
PARAGRAPH_EVIDENCE = "the paragraph is set at another time"
SEVERAL_EVIDENCE = "the report tells of several meetings"
SETTING_EVIDENCE = "the report tells of it in a clause of what another event came after or before"
# Evidence that an undated event is not the one the report is about, nor of its day.
LATER_EVIDENCE = "an occasion the report's people go on to later"
PREVIOUS_DAY_EVIDENCE = "the day before the story's"
COMING_EVIDENCE = "a coming event the report gives no date for"
PLANNED_EVIDENCE = "a coming event, as scheduled, that the report gives no date for"
PLANNED_RE = re.compile(r"\b(?:is|are)\s+(?:scheduled|slated|due|set)\s+to\s+(?:[\w-]+\s+){0,2}$")
OTHER_TIME = (EARLIER_EVIDENCE, DESCRIBED_EVIDENCE, PARAGRAPH_EVIDENCE, LATER_EVIDENCE, PREVIOUS_DAY_EVIDENCE)


def _set_before(words):
    """The date of an event the report sets before its own time without giving it, with the words
    that say so."""
    return DateValue(evidence=f"{EARLIER_EVIDENCE} (“{words}”) and gives no date for it")


@dataclass
class Context:
    """What the whole document tells each sentence: its people, its anchor date, its scene."""

    text: str
    registry: people.Registry
    anchor: dates.Anchor
    scene: object = None  # PlaceRef
    topics: list = field(default_factory=list)
    narrative: DateValue = field(default_factory=DateValue)
    narrative_people: frozenset = frozenset()  # ids of the lead event's people
    narrative_countries: frozenset = frozenset()  # the lead event's countries
    narrative_venue: object = None  # PlaceRef of the lead event, if its sentence says where
    groups: list = field(default_factory=list)  # (subject, role, countries, span) of unnamed counterparts
    # (subject, role, countries, sentence, DateValue, PlaceRef) of talks with counterparts the sentence does not name
    unnamed_counterparts: list = field(default_factory=list)
    pair: list = field(default_factory=list)  # the two people of the last two-person event: "the two ministers"
    pairs: list = field(default_factory=list)  # the two people of each two-person event, in order
    pair_meeting: "ExtractedEvent | None" = None  # the last meeting of two people the report told
    country_lists: list = field(default_factory=list)  # the countries of each meeting known by them, in order
    # The time the paragraph so far is set at: (expression, DateValue, whether that sentence reported
    # an event) of its last dated sentence.
    paragraph_time: tuple | None = None
    last_time: tuple | None = None  # the last paragraph_time, kept across paragraphs ("In 2014, … ¶ The following year, …")
    paragraph_earlier: object = None  # the match of "Earlier, …" opening the paragraph: it tells of before the report's time
    summit_venue: object = None  # where the last summit the report placed was (PlaceRef)
    last_group: list = field(default_factory=list)  # the people of the last sentence's largest event
    occasions: list = field(default_factory=list)  # (DateValue, PlaceRef, Span) of each summit dated and placed with nobody named
    receptions: list = field(default_factory=list)  # (event, guest) of each undated "He was met by …"
    called_off: set = field(default_factory=set)  # ids of the people whose trip the report says was called off
    paragraph_events: list = field(default_factory=list)  # the events of the paragraph's sentences so far
    narrative_ended: bool = False  # the lead is a visit that ended on its day
    # The people of the report's first event, when the report sets it before its own time without a
    # date ("Jaishankar's recent visit to Argentina was aimed at …"): what follows tells of that time.
    lead_before: frozenset = frozenset()
    told: bool = False  # an event has been found

    @property
    def stated_days(self):
        """(expression, date) of each date the document writes in full (day, month and year)."""
        return dates.written_days(self.text)


def _is_a_title(quoted):
    """A quoted name or title ("Athens Declaration on Friendly Relations", "working lunch") rather
    than a speaker's words: a few words, or words most of which are capitalised."""
    words = re.findall(r"[^\W\d_][\w’'-]*", quoted)
    capitalised = [w for w in words if w[0].isupper()]
    return len(words) <= 3 or (len(capitalised) >= 0.6 * len(words) and not re.search(r"[.!?,]\W*$", quoted))


HELD_BEFORE_RE = re.compile(r"\b(?:held|had|hold|holds|holding|have|has)\s+(?:a\s+|an\s+)?$")
QUOTED_TALKS_RE = re.compile(r"(?:[a-z][a-z’'-]*,?\s+(?:and\s+)?){0,3}(?:talks|discussions|meetings?|conversations?|consultations|dialogue)\b")
QUOTATION_RE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")  # what lies inside double quotation marks, on one line


def mask_quotations(text):
    """The text with what lies inside double quotation marks blanked, offsets kept: a quoted
    speaker's words are not the reporter's account of events (a quoted title is kept)."""
    chars = list(text)
    for m in QUOTATION_RE.finditer(text):
        words = re.fullmatch(r"[a-z][a-z’'-]*(?:\s+[a-z][a-z’'-]*){0,5}", m.group()[1:-1])
        # (or a longer one that opens with the talks: held “wide-ranging discussions on various aspects of …”)
        talks = QUOTED_TALKS_RE.match(m.group(), 1) and HELD_BEFORE_RE.search(text, 0, m.start())
        if talks or (words and (len(m.group().split()) <= 3 or HELD_BEFORE_RE.search(text, 0, m.start()))):
            # a scare quote: held a “warm meeting” with …, held “warm and productive talks” with …
            chars[m.start()] = chars[m.end() - 1] = " "
            continue
        if _is_a_title(m.group()[1:-1]):
            continue
        for i in range(m.start() + 1, m.end() - 1):
            chars[i] = " "
    return "".join(chars)


# "on the sidelines of the summit": the summit the report has told of.
AT_THE_SUMMIT_RE = re.compile(r"\b(?:(?:sidelines|margins)\s+of|during|at)\s+the\s+(?:[\w-]+\s+){0,2}summit\b", re.I)
# ", who is also attending the BRICS Summit": a relative clause's summit is the setting of the sentence.
WHO_CLAUSE_RE = re.compile(r",\s*who\s+[^,]*$")
# A summit that is only the setting of the sentence's meetings.
SUMMIT_AS_SETTING_RE = re.compile(
    r"\b(?:(?:sidelines|margins|eve|backdrop)\s+of|ahead\s+of|in\s+the\s+run-up\s+to|beyond|besides|apart\s+from)\s+(?:the\s+|a\s+|an\s+)?(?:[\w()’'-]+\s+){0,6}$"
    # ("met with Zelensky in Italy during a G7 summit": one summit of many, the setting of the meeting)
    r"|\bduring\s+an?\s+(?:[\w()’'-]+\s+){0,6}$"
    # ("held a telephonic conversation where the two leaders discussed the next G-7 Summit": a subject)
    r"|\b(?:discuss(?:ed|es|ing)?|about|regarding)\s+(?:the\s+|a\s+|an\s+)?(?:[\w()’'-]+\s+){0,6}$"
    # ("a meeting … as a preparatory stage for the 2024 BRICS summit")
    r"|\bpreparatory\s+(?:stage|step|meeting|process)\s+(?:for|to)\s+(?:the\s+)?(?:[\w()’'-]+\s+){0,6}$"
    # ("the meeting being held here to finalise the agenda for this year's BRICS (Brazil, …) Summit")
    r"|\bagenda\s+(?:for|of)\s+(?:the\s+)?(?:this|next|the\s+coming)\s+year['’]s\s+[^.;]{0,80}$"
    r"|\bthe\s+(?:next|upcoming|forthcoming|coming)\s+(?:[\w()’'-]+\s+){0,5}$"
    # ("met Pacheco during the delegation's visit to Rome to attend the P20 Summit": what the trip was for;
    # "congratulated Casellati for the successful organisation of the Summit": what was spoken of)
    r"|\bto\s+attend\s+(?:the\s+|a\s+|an\s+)?(?:[\w()’'-]+\s+){0,6}$|\b(?:organi[sz]ation|hosting|success)\s+of\s+(?:the\s+|a\s+)?(?:[\w()’'-]+\s+){0,6}$"
    # ("last met Meloni in June during his visit to Canada for the 51st G7 Summit": what the trip was for)
    r"|\b(?:visit|trip|travel\w*|went|going)\s+to\s+[^,;]{1,40}?\s+for\s+(?:the\s+|a\s+|an\s+)?(?:[\w()’'-]+\s+){0,6}$", re.I
)
# "met Xi in Woodside … before going to the APEC Summit": the occasion its people go on to, later.
LATER_OCCASION_RE = re.compile(
    r"\b(?:before|ahead\s+of|prior\s+to)\s+(?:going\s+to|attending|heading\s+to|travell?ing\s+to|joining|leaving\s+for)\s+"
    r"the\s+((?:[\w()’'+&-]+\s+){0,6}?)(summit|conference|forum)\b", re.I
)
# "Biden and Xi spoke on April 2": two people who spoke, with each other.
DESCRIBED_RE = re.compile(
    r"\b(?:described|called|hailed|praised|termed|characteri[sz]ed|welcomed|recalled|recalling)\s+(?:their|the|his|her)\s+(?:[\w-]+\s+)?(?:talks|meeting|conversation|discussions)\b"
)
PROPOSED_HOLDING_RE = re.compile(
    r"\b(?:proposed|proposes|suggested|suggests|urged|urges|called\s+for)\s+(?:holding|convening|to\s+hold|to\s+convene)\s+(?:a|an|the)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:meeting|summit|talks|dialogue|conference)$",
    re.I,
)
# ("shortly after the German Chancellor arrived": a subject of its own, not "soon after arriving")
ARRIVED_AFTER_RE = re.compile(r"\b(?:(?:shortly|soon|just|hours|minutes)\s+)?after\s+(?:(?:the|his|her|their)\s+)?(?:[\w.’'-]+\s+){1,4}$")
NOT_THE_FIRST_RE = re.compile(r"\bnot\s+(?:the|their|its)\s+first\s+(?:such\s+)?(?:[\w-]+\s+)?(?:meeting|visit|talks|summit|call|conversation)\b", re.I)
PROPOSED_RE = re.compile(r"\b(?:proposed|proposes|propose|suggested|suggests|called\s+for|calls\s+for|urged|urges|offered|offers)\b[^.;]*$")
DELEGATION_RE = re.compile(r"\b(?:led|leads|leading|headed|heads|heading)\s+(?:the|a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?delegation\b")
TWO_SPOKE_RE = re.compile(r"(?<=\band\s)(?:[A-Z][\w.’'-]*\s+){1,4}((?:had\s+|have\s+)?(?:spoke|spoken|talked|conferred))\b(?!\s+(?:of|about|to\s+(?:reporters|the\s+media|journalists)))")
# "addressed the Parliament of Fiji", "addressed a joint session of the US Congress", "will address
# Ghana’s Parliament", "to speak at the country's Parliament"
ADDRESSED_BODY_RE = re.compile(
    r"\b(?:address(?:ed|es)?|speak\s+(?:at|in|to)|spoke\s+(?:at|in|to))\s+(?:the\s+|a\s+)?(?:joint\s+(?:session|sitting)\s+of\s+(?:the\s+)?)?"
    r"(?:(?-i:[A-Z])[\w’'-]*\s+|country['’]s\s+){0,3}"
    r"(?:Parliament|Assembly|Congress|Senate|Majlis|Diet|Knesset|Bundestag|Duma|Sabha|Sejm|nation)\b"
)
# "received the national honour of Ghana", "will receive Ghana’s highest state honour", "conferred the
# highest civilian award of Fiji … upon President Murmu"
HONOUR_RE = re.compile(
    r"\b(?:received|receives|receive|receiving|conferred(?:\s+with)?|bestowed|presented|honou?red\s+with|decorated\s+with)\s+(?:(?:the|a|an|his|her|its|[\w’'-]+['’]s)\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:(?<!of\s)honou?r|award|decoration|medal|order\s+of|rank\s+of\s+honorary|honorary\s+(?:rank|title|degree|doctorate|citizenship))\b"
    # "Christodoulides awarded Modi the island nation's highest honour"
    r"|\bawarded\s+(?:[\w’'.-]+\s+){1,10}?(?:honou?r|decoration|medal|order\s+of)\b",
    re.I,
)
# "Ramaphosa unveiled a ten-point peace plan": a statement of its own, whatever the occasion.
PROPOSAL_RE = re.compile(
    r"\b(?:unveiled|unveils|outlined|outlines|presented|presents|proposed|proposes|delivered|delivers)\s+(?:a|an|the|his|her|their)\s+"
    r"(?:[\w-]+\s+){0,4}?(?:plan|proposal|initiative|speech|address|statement|keynote|vision|roadmap)\b"
    # "Naidu also gave the keynote address at the 16th UN Day of Vesak Celebrations on May 12"
    r"|\b(?:gave|gives|giving)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,2}?(?:speech|address|keynote)\b",
    re.I,
)


# "The bilateral meeting took place a day ahead of …": more of a meeting the report has told.
RETOLD_MEETING_RE = re.compile(
    r"\s*The\s+(?:[\w-]+\s+)?(?:meeting|talks|call|conversation|discussions)\s+(?:took\s+place|was\s+held|were\s+held|happened|came|comes)\b"
)
# "focus on Biden meeting with Xi", "talk of Modi meeting Putin": a meeting spoken of, as a noun.
NOMINAL_MEETING_RE = re.compile(r"\b(?:on|about|of|for|to)\s+(?:[A-Z][\w’'-]*\s+){1,3}$")


def _visited_a_sight(masked, at):
    """Whether "visited" is followed by something that is not a place: "the Ayurvedic Garden", "the
    memorial" (but "the United States" is a country)."""
    m = re.match(r"\s+the\s+((?:[\w’'-]+\s*){1,4})", masked[at:])
    if not m:
        return False
    words = m[1].split()
    return not any(places.lookup_place(" ".join(words[:n]).rstrip(".,")) for n in range(len(words), 0, -1))


PARTICIPLE_OF_TITLE_RE = re.compile(r"\b(?:under|of|in|to|with|on)\s+the\s+(?:(?-i:[A-Z])[\w-]*\s+){1,6}$", re.I)


def classify(masked, mention_offsets):
    """(kind, trigger match) of what the sentence reports happened, or (None, None).
    `mention_offsets` are where the sentence names people: a statement needs a speaker before the verb.
    What a speaker says happened ("told reporters that Putin and Ramaphosa would hold a meeting") is
    that happening, not a statement."""
    speech = SPEECH_RE.search(masked)
    reported = speech and any(regex.search(masked, speech.end()) for regex in (AGREEMENT_RE, VISIT_RE, MEETING_VERB_RE))
    trailing = TRAILING_SPEAKER_RE.search(masked) if speech else None
    if trailing and trailing.start() < speech.start() and any(regex.search(masked, 0, trailing.start()) for regex in (AGREEMENT_RE, VISIT_RE, MEETING_VERB_RE)):
        speech = None  # "Modi and Trump were talking over phone on Tuesday, Spokesperson Sean Spicer told reporters."
    occasion = OCCASION_RE.search(masked) if speech else None
    if occasion and not reported and not OPENING_REMARKS_RE.search(masked) and any(offset < speech.start() for offset in mention_offsets):
        # ("In his opening remarks, Jaishankar said …": what was said opening talks, not a statement of its own)
        return "statement", speech
    asides = [a.span() for a in ASIDE_RE.finditer(masked)]
    honour = HONOUR_RE.search(masked)
    if honour and not any(regex.search(masked) for regex in (AGREEMENT_RE, SUMMIT_RE)):
        # "Modi received the national honour of Ghana from John Mahama": an occasion of its own
        return "other", honour
    for kind, regex in (("agreement", AGREEMENT_RE), ("summit", SUMMIT_RE), ("visit", VISIT_RE), ("meeting", MEETING_VERB_RE)):
        m = regex.search(masked)
        if m and kind == "meeting":
            # "Ruiz, who met Berg in June, held talks with Scholz": the main clause's meeting (and not
            # the one an opener sets it by: "Ahead of his meeting with PM Modi, Jaishankar had a
            # discussion with President Muizzu")
            opener = BESIDES_RE.match(masked)
            m = next(
                (x for x in regex.finditer(masked) if not any(a < x.start() < b for a, b in asides) and not (opener and x.start() < opener.end())),
                m,
            )
        if m and kind == "meeting" and NOMINAL_MEETING_RE.search(masked[: m.start()]) and m.group().lower().startswith("meeting"):
            m = None  # "to put focus on Biden meeting with Xi": talk of a meeting, not one
        if m and kind == "agreement" and PARTICIPLE_OF_TITLE_RE.search(masked[: m.start()]) and re.match(r"\s+(?:in|on)\s+[^,;.]{1,30}(?:[,;.]|\s*$)", masked[m.end() :]):
            # "Under the Comprehensive Strategic Partnership signed in 2017, both ministers expressed …":
            # a document named by when it was signed, not a signing the sentence reports
            continue
        if m and kind == "visit" and re.fullmatch(r"visited|(?:will|would)\s+(?:\w+\s+)?visit|to\s+visit", m.group(), re.I) and _visited_a_sight(masked, m.end()):
            # "She also visited the Ayurvedic Garden", "He will also visit the Indian Arrival Monument": a
            # sight on a trip, not a trip (but the trip the sentence names besides: "On the last day of
            # his tour to Ghana, Modi will also visit the Nkrumah memorial")
            m = next((x for x in regex.finditer(masked) if x.start() != m.start()), None)
        if m and kind == "summit" and (MEETING_VERB_RE.search(masked) or RETOLD_MEETING_RE.match(masked)) and all(
            SUMMIT_AS_SETTING_RE.search(masked[: s.start()]) or WHO_CLAUSE_RE.search(masked[: s.start()])
            or re.match(r"[^.,;:]{0,30}:", masked[s.end() :])  # a label: "BRICS Summit 2024 live updates: …"
            for s in regex.finditer(masked)
        ):
            # "On the sidelines of the G20 summit, Modi held bilateral meetings with …": the meetings;
            # "The bilateral meeting took place a day ahead of the G20 Summit": the meeting told before
            continue
        if m and kind == "summit" and (met := MEETING_VERB_RE.search(masked)) and all(
            (clause := COMING_CLAUSE_RE.search(masked, 0, s.start() + 1)) and met.start() < clause.start() for s in regex.finditer(masked)
        ):
            # "Modi met Nazarbayev … on a two-day visit during which he will attend the SCO summit":
            # the meeting; the summit is still to come
            continue
        if m and kind == "visit" and WELCOME_END_RE.search(m.group()) and (later := VISIT_RE.search(masked, m.end())):
            m = later  # "was accorded a warm welcome by Putin as he arrived … on Monday": the arrival says more
        if m and kind == "visit" and (later := VISIT_RE.search(masked, m.end())) and FOLLOWS_RE.search(masked, m.end(), later.start()):
            # "The Indian prime minister's visit to Egypt follows the state visit El-Sisi made to New
            # Delhi in January": the visit it follows is the one the sentence tells of
            m = later
        if m:
            meeting = MEETING_VERB_RE.search(masked, 0, m.start())
            if kind == "visit" and meeting and ARRIVED_AFTER_RE.search(masked, meeting.end(), m.start()) and not re.match(r"(?:to|will|would)\s+visit", m.group(), re.I):
                # "Modi held a meeting with Scholz shortly after the German Chancellor arrived in New
                # Delhi": the meeting (the arrival is its trip: _trip_to_the_meeting)
                return "meeting", meeting
            if kind == "visit" and meeting and re.match(r"(?:to|will|would)\s+visit|['’]s\s", m.group(), re.I):
                # "speak in phone call … as officials set to visit China"; "held talks with Blinken amid unease
                # following Modi's visit to Russia": the visit is what the talks are set against
                return "meeting", meeting
            if kind == "visit" and re.search(r"\b(?:visit|trip|tour)\b", m.group(), re.I) and SETTING_CLAUSE_RE.search(masked, 0, m.start()):
                # "Weeks before Modi's visit to Russia, Doval visited Moscow"; "Following Muizzu's visit
                # to India, Modi engaged in bilateral talks"; "was received by Berg, after concluding her
                # state visit to Chile": the visit the sentence sets its event by
                comma = masked.find(",", m.end())
                later = VISIT_RE.search(masked, comma) if comma > 0 else None
                meeting = MEETING_VERB_RE.search(masked)
                if later:
                    return kind, later
                if meeting:
                    return "meeting", meeting
            return kind, m
    spoke = TWO_SPOKE_RE.search(masked)
    if spoke and len(mention_offsets) >= 2:
        return "meeting", spoke
    address = ADDRESSED_BODY_RE.search(masked)
    if address and any(offset < address.start() for offset in mention_offsets):
        return "statement", address  # "the President addressed the Parliament of Fiji": a speech of its own
    proposal = PROPOSAL_RE.search(masked)
    if proposal and any(offset < proposal.start() for offset in mention_offsets):
        return "statement", proposal
    attend = next((a for a in ATTEND_RE.finditer(masked) if not any(b < a.start() < e for b, e in asides)), None)
    if attend:  # (not "The meeting, which Doval was scheduled to attend, will be chaired by …")
        rest = masked[attend.end() : attend.end() + 120]
        noun = re.match(r"\s*(?:the|a|an)?\s*(?:[\w’'+-]+\s+){0,6}?(meeting|summit|talks|conference|dialogue|parade|ceremony|celebrations?|exercise|forum)\b", rest, re.I)
        if noun and noun[1].lower() == "summit":
            return "summit", attend
        if noun and noun[1].lower() in ("meeting", "talks", "conference", "dialogue", "forum"):
            return "meeting", attend
        return "other", attend
    led = list(DELEGATION_RE.finditer(masked))
    if len(led) >= 2:
        return "meeting", led[0]  # "X led the Saudi delegation and Y the Iranian delegation during the talks"
    for m in MEETING_NOUN_RE.finditer(masked):
        qualifier = m[2].strip().lower()
        if m["det"].lower() in ("their", "his", "her") or m["det"][-1] in "s’'" and m["det"][-2:] in ("'s", "’s"):
            qualifier = qualifier or "their"  # "during their meeting", "at Mitsotakis and Erdogan's meeting"
        if qualifier in ("", "same", "first", "last", "next", "this") or SIDELINES_RE.search(masked[: m.start()]):
            continue
        return "meeting", m
    m = OTHER_RE.search(masked)
    if m:
        return "other", m
    return None, None


def _negated(masked, trigger):
    """A negation that governs the event's verb: before it in the same clause ("will not meet",
    "refused to sign"), not one of another clause ("Beijing has refused to supply weapons, as expected
    after the meeting …")."""
    if CALLED_OFF_RE.match(masked, trigger.end()):
        return True  # "Doval's trip to Moscow to attend a security meeting has been called off"
    return _in_its_clause(NEGATION_RE, masked, trigger)


def _in_its_clause(regex, masked, trigger):
    """Whether the regex matches before the event's verb with no comma or semicolon between: in its clause."""
    return any(m.start() <= trigger.start() and not re.search(r"[,;]", masked[m.end() : trigger.start()]) for m in regex.finditer(masked))


# What was planned: "was scheduled to attend", "was to hold", "Had Doval attended".
UNREALISED_RE = re.compile(r"\b(?:(?:was|were)\s+(?:scheduled|expected|supposed|due|slated|set)\s+to|(?:was|were)\s+to|would\s+have|^\s*Had\s)", re.I)
# What is said of a trip named as a noun, after it: "… has been called off".
CALLED_OFF_RE = re.compile(
    r"[^,;.]{0,100}?\b(?:has|have|had)?\s*(?:been|was|were|is|are)\s+(?:(?:now|since|reportedly)\s+)?"
    r"(?:called\s+off|cancel(?:l?ed)|postponed|put\s+off|scrapped|deferred|shelved)\b"
)


def unique_people(mentions):
    seen, out = set(), []
    for m in mentions:
        if id(m.person) not in seen:
            seen.add(id(m.person))
            out.append(m.person)
    return out


# ", who is on a state visit to", ", who was visiting": a relative clause of the visit's verb.
WHO_IS_RE = re.compile(r",\s*who\s+(?:(?:is|was|are|were|has\s+been|had\s+been)\s+)?(?:currently\s+|also\s+)?$")
HOST_RE = re.compile(r"\b(?:at\s+the\s+invitation\s+of|(?:hosted|received|welcomed|invited)\s+by)\b", re.I)


PROGRAMME_RE = re.compile(r"(?:programme|program|schedule|itinerary)\b", re.I)


def participants_for(kind, trigger, masked, mentions, base, ctx):
    """Who took part: the travellers of a visit, the two sides 'between' whom a summit was held, a
    speaker, or everyone a meeting sentence names (split into bilateral pairs when it says so)."""
    offset = lambda m: m.start - base
    between = BETWEEN_RE.search(masked)
    if between:
        after = [m for m in mentions if offset(m) > between.end()]
        stop = re.search(r"\bas\s+well\s+as\b|;|\bthat\b", masked[between.end() :])
        if stop:
            after = [m for m in after if offset(m) < between.end() + stop.start()]
        if after and len(unique_people(after)) == 1:
            # ("the President led the delegation-level talks between the two sides", the pair being
            # his and another's: the one before too)
            after = [m for m in mentions if offset(m) < between.start()] + after
        if after:
            return [unique_people(after)]
    hosted_by = re.match(rf"{MEAL}\b", trigger.group(), re.I)
    if (ATTEND_RE.match(trigger.group()) and re.match(r"\s+by\b", masked[trigger.end() :])) or (re.search(r"\sby$", trigger.group()) and not hosted_by):
        # "The summit was attended by the presidents of …": everyone named after "by".
        return [unique_people([m for m in mentions if offset(m) > trigger.end()])]
    if kind == "meeting" and PROGRAMME_RE.match(trigger.group()):
        # "the program included meetings with A and B": the guest of the report's last meeting of two
        # (the one not of the country it was held in) met each
        talks = ctx.pair_meeting
        where = (talks.venue or ctx.scene) if talks else None
        if where is None:
            return [[]]
        guests = [p for p in talks.participants if p.country and p.country != where.country]
        if len(guests) != 1:
            return [[]]
        others = unique_people([m for m in mentions if offset(m) > trigger.start()])
        return [[guests[0], other] for other in others if other is not guests[0]] or [[]]
    if kind == "other" and HONOUR_RE.fullmatch(trigger.group()):
        # "Modi received the national honour of Ghana – Officer of the Order of the Star – from John
        # Mahama": who received it, and who gave it
        giver = re.search(r"\b(?:from|by)\s", masked[trigger.end() :])
        before = [m for m in mentions if offset(m) < trigger.start()][-1:]
        after = [m for m in mentions if offset(m) > trigger.end() + giver.start()][:1] if giver else []
        told = [m for m in mentions if trigger.end() < offset(m)][:1] if not before else []  # ("conferred … upon President Murmu")
        if re.match(r"(?:awarded|conferred(?!\s+with)|bestowed|presented)\b", trigger.group(), re.I):
            # ("Christodoulides awarded Modi the highest honour", "X conferred the order on Y"): the giver and the recipient
            inside = [m for m in mentions if trigger.start() < offset(m) < trigger.end()] if re.match(r"awarded\s", trigger.group(), re.I) else []
            told = (inside or [m for m in mentions if offset(m) > trigger.end()])[:1]
        return [unique_people(before + told + after)]
    if kind == "visit" and (guests := _host_and_guest(masked, mentions, base, trigger)):
        return [guests]  # "Xi received Lula … and welcomed him on his state visit": the guest travels
    if kind == "visit" and re.search(r"\s(?:made|paid)\s+to$", trigger.group()):
        # "the state visit President El-Sisi made to New Delhi": who made it
        inside = [m for m in mentions if trigger.start() < offset(m) < trigger.end()]
        return [unique_people(inside[:1])] if inside else []
    if kind == "visit":
        # "at the invitation of President Putin", "hosted by …": the host takes part in the visit.
        host = HOST_RE.search(masked)
        hosts = [m.person for m in mentions if host and offset(m) > host.end()][:1]
        if WELCOME_END_RE.search(trigger.group()) and (by := re.match(r"\s+by\b", masked[trigger.end() :])):
            # ("was accorded a ceremonial welcome by President Murmu": the welcome is the visit's, its host too)
            hosts = [m.person for m in mentions if offset(m) > trigger.end() + by.end()][:1]
        before = [m for m in mentions if offset(m) < trigger.start()]
        who = WHO_IS_RE.search(masked[: trigger.start()])
        if who:
            # "Xi held talks with Lula, who is on a state visit to China": the one the clause is about.
            before = [m for m in before if offset(m) < who.start()][-1:] or before
        elif before and re.match(r"(?:during|on)\b", trigger.group(), re.I):
            before = before[:1]  # "Yoon met Kishida … during his visit to Japan": the sentence's subject travels
        elif before and re.search(r"\b(?:he|she)\s+(?:[a-z]+\s+)?$", masked[: trigger.start()]):
            before = before[:1]  # "Hasina was given a welcome by Modi … when she reached there": the subject travels
        elif before and re.search(r"\binvitation\s+$", masked[: trigger.start()]):
            before = before[:1]  # "Kim thanked Putin for the invitation to visit Russia": the one invited travels
        # (with nobody before the verb, "Arriving in Delhi, Putin …": but not someone of a clause after
        # it, "he will leave for Washington where a meeting is scheduled with Biden")
        clause = re.search(r"\b(?:where|which|who|with|when)\b", masked[trigger.end() :])
        limit = trigger.end() + clause.start() if clause else len(masked)
        subject = before[-1] if before else next((m for m in mentions if m.person not in hosts and offset(m) < limit), None)
        if subject is None:
            return []
        # "Mark Esper and Mike Pompeo arrived in New Delhi": each of the travellers the subject joins
        # with "and" makes a trip of their own
        travellers = [subject]
        for m in reversed(before[: before.index(subject)] if subject in before and len(before) > 1 else []):
            # (joined by "and": not "Ahead of the talks with Wong, Modi received a ceremonial welcome")
            if not AND_COORDINATED_RE.fullmatch(masked[m.end - base : travellers[0].start - base]) or m.person in hosts:
                break
            travellers.insert(0, m)
        return [
            unique_people([traveller] + [people.Mention(0, 0, p, "named") for p in hosts if p is not traveller.person])
            for n, traveller in enumerate(travellers) if all(t.person is not traveller.person for t in travellers[:n])
        ]
    if kind in ("visit", "statement") or (kind in ("meeting", "summit", "other") and ATTEND_RE.match(trigger.group())):
        before = [m for m in mentions if offset(m) < trigger.start()]
        subject = before[-1] if before else (mentions[0] if mentions else None)
        if subject is None:
            return []
        # "Both the leaders are in Tokyo to attend …": each of the pair the words stand for; "Vice President
        # Dhankhar, Prime Minister Modi and others attended the banquet": each of the subjects.
        subjects = [m for m in before if m.how == "group" and m.start == subject.start] or [subject]
        for m in reversed(before[: before.index(subject)] if subject in before else []):
            if not COORDINATED_RE.fullmatch(masked[m.end - base : subjects[0].start - base]):
                break
            subjects.insert(0, m)
        # "attended a meeting with King Salman": the people it was with took part too.
        with_ = re.match(r"[^,;]{0,60}?\bwith\b", masked[trigger.end() :]) if kind != "visit" else None
        others = [m.person for m in mentions if with_ and offset(m) > trigger.end() + with_.start()]
        return [unique_people(subjects + [people.Mention(0, 0, p, "named") for p in others])]
    if re.match(r"received\s", trigger.group()) and re.search(r"calls\s+from$", trigger.group()):
        # "received telephone calls from A, President of X; B, President of Y; and C": a call with each
        subject = [m.person for m in mentions if offset(m) < trigger.start()][-1:]
        parts = [(a.start(), a.end()) for a in re.finditer(r"[^;]+", masked[trigger.end() :])]
        groups = [
            unique_people([people.Mention(0, 0, p, "named") for p in subject] + [m for m in mentions if trigger.end() + a <= offset(m) < trigger.end() + b][:1])
            for a, b in parts
        ]
        return [g for g in groups if len(g) == 2] or [[]]
    if kind == "meeting" and (
        re.match(r"(?:during|in|at)\s+(?:his|her)\s", trigger.group(), re.I)
        or re.search(r"\b(?:during|in|at)\s+(?:his|her)\s+(?:[\w-]+\s+){0,2}$", masked[: trigger.start()])
    ):
        # "He also referred to Modi's emphasis on peace during his talks with Putin": "his" is the
        # one whose words or deeds the sentence is about, not its subject
        before = [m for m in mentions if offset(m) < trigger.start()]
        owners = [m for m in before if re.match(r"['’]s\b", masked[m.end - base : m.end - base + 2])]
        if owners and before[0].person is not owners[-1].person:
            others = [m for m in mentions if offset(m) > trigger.start() and m.person is not owners[-1].person]
            if others:
                return [unique_people([owners[-1], *others])]
    sides = [m for m in _outside_other_clauses(masked, mentions, base, trigger) if m.person.role != people.SPOUSE]
    found = unique_people(sides)
    if re.search(r"\btheir\s+(?:[\w-]+\s+)?$", masked[: trigger.start()]):
        # "Wang Yi and Qin Gang described their talks with Blinken": each had talks of their own.
        subjects = unique_people([m for m in sides if offset(m) < trigger.start()])
        objects = unique_people([m for m in sides if offset(m) > trigger.start()])
        if len(subjects) >= 2 and objects:
            return [[subject, *objects] for subject in subjects]
    role, pair = people.group_pair(masked)
    if role and pair:
        for code in pair:
            person = ctx.registry.by_description(role, code)
            if person and all(person is not f for f in found):
                found.append(person)
    if kind == "meeting" and re.match(r"(?:called|calls|call|calling)\s+on\b|pa(?:id|ys|y)\s+(?:a\s+)?courtesy\s+calls?\s+on\b", trigger.group(), re.I):
        # "A, Speaker of …; B, Speaker of …; and C called on Birla": each called on him
        callers = unique_people([m for m in sides if offset(m) < trigger.start()])
        hosts = unique_people([m for m in sides if offset(m) > trigger.start()])
        if len(callers) >= 2 and len(hosts) == 1:
            return [[caller, hosts[0]] for caller in callers]
        if re.match(r"\s+(?:His|Her)\s+(?:Majesty|Highness|Excellency)\b(?!\s+(?:the\s+)?[A-Z])", masked[trigger.end() :]):
            # "Doval called on His Majesty on 4th April, and Jaishankar called on His Majesty on 3rd
            # April": calls on someone the report does not name, not a meeting of the callers
            return [[]]
    if kind == "meeting" and SPLIT_RE.search(masked) and len(found) >= 3:
        subject = found[0]
        return [[subject, other] for other in found[1:]]
    others = found[1:]
    if (
        kind == "meeting" and len(others) >= 2 and ON_THE_SIDELINES_RE.search(masked)
        and all(p.country for p in others) and len({p.country for p in others}) == len(others)
        and found[0].country not in {p.country for p in others}
    ):
        # "Modi met Kishida, Yoon and Pham Minh Chinh in Hiroshima on the sidelines of the G-7 Summit":
        # leaders of three countries met one by one
        return [[found[0], other] for other in others]
    if kind == "meeting" and ON_A_VISIT_RE.search(masked) and _calls_one_by_one(found[0], others):
        return [[found[0], other] for other in others]
    return [found]


def _calls_one_by_one(guest, hosts):
    """"Dissanayake met Vice President Dhankhar and Union Minister Nadda during his state visit": a
    guest's calls on two or more of the host country's office-holders, each in another office, are
    one by one."""
    return (
        len(hosts) >= 2 and guest.country is not None
        # (the one country known of them, "Vice President Dhankhar and Union Minister Nadda")
        and len(countries := {p.country for p in hosts} - {None}) == 1 and guest.country not in countries
        and len({people.role_family(p.role) for p in hosts if p.role}) == len(hosts)
    )


ON_A_VISIT_RE = re.compile(r"\b(?:during|on)\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\b", re.I)


# "held talks with Blinken against the backdrop of unease following Modi's visit to Russia": what the
# event is set against, another time and place.
BACKDROP_RE = re.compile(r"\b(?i:following|in\s+the\s+wake\s+of|on\s+the\s+heels\s+of|against\s+the\s+backdrop\s+of|amid(?:st)?)\s+(?!(?:day|week|month|year)\b)")


# "Before meeting Xi, Lula spoke with …": a meeting the sentence's event came before or after.
MEETING_OPENER = (
    r"(?:After|Before|Ahead\s+of|Prior\s+to)\s+(?:(?:his|her|their)\s+)?(?:meeting|holding\s+talks\s+with|talks\s+with"
    r"|(?:paying|making)\s+(?:a\s+)?courtesy\s+calls?\s+on|calling\s+on)\b"
)
MEETING_OPENER_RE = re.compile(rf"\s*{MEETING_OPENER}")
# An opening phrase of people set aside: "Apart from his Russian counterpart, Doval also met …"
BESIDES_RE = re.compile(rf"\s*(?:Apart\s+from|Aside\s+from|Besides|In\s+addition\s+to|Other\s+than|{MEETING_OPENER})\b[^,;]*,")


# "On the sidelines of the State Visit of the Sultan of Oman, His Majesty Haitham bin Tarik to India on
# 16 December 2023, Goyal and Al Yousef held discussions": the visit the meeting was beside, and its traveller.
SIDELINES_OF_A_VISIT_RE = re.compile(
    r"\s*(?:On|At)\s+the\s+(?:sidelines|margins)\s+of\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,3}?(?i:visit|trip|tour)\s+(?:of|by)\b[^;]{0,160}?"
    r"\bto\s+(?:the\s+)?[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?(?:\s+(?:on|in)\s+[^,;]{1,30})?,"
)


# Where the people a meeting verb takes end: a relative or other clause that speaks of someone else
# ("met Wang Yi, who ranks above Foreign Minister Qin Gang").
OBJECT_END_RE = re.compile(
    rf",?\s+(?:who|whom|whose|which|where|while|whereas|but|although|ahead\s+of|after|before|as\s+well\s+as)\b|\s[–—-]\s|,?\s(?={BACKDROP_RE.pattern})"
    r"|,\s+and\s+(?=[a-z]+ed\b)"  # "met Mark Esper, and attended an event honouring Mahatma Gandhi"
    r"|,?\s+and\s+(?=(?:said|says|added|noted|stated|told|described)\b)"  # "welcomed Blinken and said that … Biden's September visit"
    # "met with his Indian colleague S Jaishankar to explore the likelihood of President Muizzu visiting": its purpose
    r"|\s+to\s+(?!(?:the|a|an|his|her|their|its|this|that)\b)(?=[a-z]{3,}\s)"
)


# "Xi said that Wang Yi and Qin Gang described their talks with Blinken": the speaker of a report of
# a meeting is not one of its sides.
REPORTED_RE = re.compile(r"\b(?:said|says|told\s+\w+|added|noted|stated)\s+(?:that\s+)?")


TIMED_BY_RE = re.compile(
    r"\b(?:comes?|came)\s+(?:just\s+|only\s+|barely\s+|nearly\s+|a\s+few\s+)?(?:(?:\w+\s+)?(?:days?|weeks?|months?)\s+)?(?:before|after|ahead\s+of)\b", re.I
)


def _outside_other_clauses(masked, mentions, base, trigger):
    """The mentions that can be sides of the meeting the trigger reports: before it (not a speaker
    reporting it), and after it up to the end of its object."""
    end = OBJECT_END_RE.search(masked, trigger.end())
    limit = end.start() if end else len(masked)
    speaker = TRAILING_SPEAKER_RE.search(masked, trigger.end())
    if speaker:
        limit = min(limit, speaker.start())  # "…, ministry spokesman Anurag Srivastava said on Thursday."
    reported = [m for m in REPORTED_RE.finditer(masked, 0, trigger.start())]
    if re.search(r"\b(?:his|her)\s+(?:[\w-]+\s+)?$", masked[: trigger.start()]):
        reported = []  # "Biden said … at the close of his talks with Yoon": the speaker's own talks
    start = reported[-1].end() if reported else 0
    # (not whom a relative clause without the verb names: "Ruiz, who met Berg in June, held talks with …")
    asides = [a.span() for a in ASIDE_RE.finditer(masked) if not a.start() <= trigger.start() < a.end()]
    outside = [m for m in mentions if not any(a < m.start - base < b for a, b in asides)]
    mentions = outside if len({id(m.person) for m in outside}) >= 2 else mentions
    timing = list(TIMED_BY_RE.finditer(masked, 0, trigger.start()))
    if timing:
        # "Wang's trip comes just days before Modi is scheduled to travel to China for the SCO summit":
        # the summit is Modi's; the trip its time is told by is another event
        start = max(start, timing[-1].end())
    besides = BESIDES_RE.match(masked) or SIDELINES_OF_A_VISIT_RE.match(masked)
    if besides and besides.end() < trigger.start():
        # "Apart from his Russian counterpart, Doval also met Rogozin", "After meeting US President Biden,
        # Modi held a bilateral meeting with Albanese": not them
        start = max(start, besides.end())
    if DISCUSSED_RE.fullmatch(trigger.group()):
        # "Doval and Patrushev discussed Mr. Modi's visit": whom it names after the verb is what was
        # discussed, unless it was discussed with them
        with_ = re.search(r"\bwith\b", masked[trigger.end() : limit])
        topic = (trigger.end(), trigger.end() + with_.start() if with_ else limit)
        mentions = [m for m in mentions if not topic[0] <= m.start - base < topic[1]]
    # ("paid tributes to Mahatma Gandhi at his statue", "conveyed the greetings of President Murmu and PM
    # Modi to President Marcos": people honoured or spoken for, not there)
    absent = []
    for honoured in NOT_PRESENT_RE.finditer(masked):
        end = NOT_PRESENT_END_RE.search(masked, honoured.end())
        absent.append((honoured.end(), end.start() if end else len(masked)))
    mentions = [m for m in mentions if not any(a <= m.start - base < b for a, b in absent)]
    kept = [m for m in mentions if start <= m.start - base < limit]
    if timing:
        return kept
    return kept if len({id(m.person) for m in kept}) >= 2 else [m for m in mentions if m.start - base < limit]


# People a sentence names but who were not there: whom it honours or speaks for, up to the end of that phrase
NOT_PRESENT_RE = re.compile(
    r"\b(?:tributes?|homage|respects)\s+(?:to|at)\s+|\b(?:statue|bust|memorial|portrait|samadhi)\s+of\s+"
    r"|\bgreetings\s+(?:of|from)\s+|\bon\s+behalf\s+of\s+", re.I
)
NOT_PRESENT_END_RE = re.compile(r"\s(?:to|at|in|on|for|who|which|during|before|after)\s|[,;.]")


# Who says so, closing the sentence: ", ministry spokesman Anurag Srivastava said on Thursday.",
# ", PTI reported on Thursday."
TRAILING_SPEAKER_RE = re.compile(
    r",\s+(?:(?:the|a|an)\s+)?(?:[\w’'.-]+\s+){0,6}?(?:said|says|told\s+[\w\s]{1,20}?|reported|reports|added|stated|announced|confirmed|noted|tweeted|posted|wrote)"
    r"(?:\s+(?:on|in|at|late|early|this|last|earlier|today|yesterday)\b[^,;]*)?(?:,\s+adding\b[^;]*)?"
    r"(?:[,:]?\s*[“\x22][^”\x22]*[”\x22])?\s*[.]?\s*$"  # (or before the words it quotes: "…, X said, “…”")
)


# Words that set what a sentence tells before the day of the report: "the previous meeting",
# "had met", "earlier this year".
BACKGROUND_RE = re.compile(
    # ("former" of a time, not of a title: "met former Prime Minister Fumio Kishida" is no flashback)
    # ("Jaishankar's recent visit to Argentina was aimed at …": a visit before the report)
    r"\b(?:previous(?:ly)?|recently|recent(?=\s+(?:[\w-]+\s+){0,2}(?:visit|trip|tour|meeting|talks|call|summit|conversation))|former(?!\s+(?:[\w-]+\s+)?(?:prime|president|vice|minister|foreign|defen[cs]e|chief|secretary|ambassador|leader|chancellor|premier|head|governor|envoy))|ago|in\s+the\s+past|since|last\s+(?:year|month|week|time)|first\s+time\s+in"
    r"|\w+\s+(?:days|weeks|months|years)\s+(?:after|before)|last\s+(?:met|held|spoke|talked|visited)"
    r"|earlier(?!\s+(?:today|in\s+the\s+day|on|this\s+week))|had\s+(?:\w+\s+)?(?:met|held|visited|signed|spoken|talked|hosted)"
    # "thanked President Sirisena for his gesture of attending the ceremony": what was done before
    r"|thank(?:ed|s)?\b[^.;]{0,60}?\bfor\s+(?:[\w-]+\s+){0,4}?(?:attending|visiting|hosting|coming|joining))\b",
    re.I,
)


# "Erdogan met earlier with his Greek counterpart": earlier the same day, after a verb in the past and
# with no other time after it ("met earlier this year" is another time).
SAME_DAY_EARLIER_RE = re.compile(
    r"\b(?:met|held|had|spoke|talked|visited|hosted|received|signed|[a-z]+ed)\s+earlier\b(?!\s+(?:this|last|that|in|during|on|at)\b)"
)


def _background(masked, trigger):
    """The words that set what the sentence tells before the report's time, if any ("Earlier in the
    day, Lavrov had met Jaishankar" is of the report's day; "is in Singapore on a visit, the last leg
    of a tour that took him to Australia earlier" is not of an earlier time: the relative clause is)."""
    if EARLIER_SAME_DAY_RE.match(masked):
        return None
    subject = SUBJECT_COMES_RE.match(masked)
    for found in BACKGROUND_RE.finditer(masked):
        if found.group().lower() == "earlier" and any(m.end() == found.end() for m in SAME_DAY_EARLIER_RE.finditer(masked)):
            continue
        if RELATIVE_RE.search(masked, trigger.end(), found.start()):
            continue
        if found.start() > trigger.end() and FIRST_SINCE_CLAUSE_RE.search(masked, trigger.end(), found.start()):
            continue  # "the first high-level visit since the president took office last year": the clause's time
        if found.start() > trigger.end() and subject and trigger.start() < subject.end():
            continue  # "The meeting between the two leaders comes days after Wong took over": this meeting
        if found.group().lower() == "since" and trigger.start() < found.start() and (
            FIRST_SINCE_RE.search(masked, 0, found.start())
            # "is his first since assuming office in 2014 and the first by any Indian head of state since 1997"
            or (AND_THE_FIRST_RE.search(masked, 0, found.start()) and IS_FIRST_RE.search(masked, 0, found.start()))
        ):
            continue  # "X's visit to India is his first since the elections": this visit, compared
        if found.start() > trigger.end() and OPENING_OCCASION_RE.match(masked) and "," in masked[trigger.end() : found.start()]:
            continue  # "During a meeting at Hyderabad House, X hailed India for its help two years ago": the main clause's time
        return found
    return None


NOMINAL_TRIGGER_RE = re.compile(r"(?:meeting|talks|visit|trip|call|summit|conversation)\b", re.I)
AFTER_THEIR_RE = re.compile(r"\b(?:following|after|since)\s+(?:his|her|their)\b(?=\s+(?:[\w-]+\s+)?$)", re.I)
SUBJECT_COMES_RE = re.compile(r"\s*(?:The|[A-Z][\w’'-]*['’]s)\s+(?:[\w-]+\s+)?(?:meeting|talks|visit|call|summit|trip)\b[^,;]*?\b(?:comes|came)\b")
FIRST_SINCE_RE = re.compile(r"\b(?:is|was|marking|marks|marked)\s+(?:the\s+(?:beginning|start|end|conclusion)\s+of\s+)?(?:his|her|their|its|the|(?:[A-Z][\w.-]*\s+){0,3}[A-Z][\w-]*['’]s)\s+(?:first|maiden)\b(?:\s+[\w’'-]+){0,10}\s+$", re.I)
OPENING_OCCASION_RE = re.compile(r"\s*(?:During|At|In|On)\s+(?:a|an|the|their|his|her)\b[^,]*,")


BEFORE_THE_MEETING_RE = re.compile(
    r"\s*(?:Before|Prior\s+to)\s+the\s+(?:[\w’'+-]+\s+){0,5}?(?:meeting|talks|dialogue|session|summit|consultations)\b[^,;]{0,40},", re.I
)
# "Earlier, Blinken met Jaishankar": a bare opener, with no other time
BARE_EARLIER_RE = re.compile(r"\s*Earlier\s*,\s*")
# "Earlier in the day, Russia and China signed …": the same day as the story, another occasion than its lead.
EARLIER_SAME_DAY_RE = re.compile(r"\s*Earlier\s+(?:in\s+the\s+day|today|this\s+morning|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b")
EARLIER_SAME_DAY_EVIDENCE = "earlier the same day than the report's lead event"
LATER_SAME_DAY_EVIDENCE = "later the same day than the report's lead event"
SAME_DAY_OTHER_OCCASION = (EARLIER_SAME_DAY_EVIDENCE, LATER_SAME_DAY_EVIDENCE)
SAME_DAY_MARK_RE = re.compile(r"\b(?:earlier|later)\s+(?:today|in\s+the\s+day)\b", re.I)


def _occasion_mark(value):
    """Which other occasion of the story's day a date says its event was (earlier, later), or None."""
    return next((p for p in SAME_DAY_OTHER_OCCASION if value.evidence.startswith(p)), None)
EARLIER_OPENER_RE = re.compile(r"\s*(?:Earlier|Previously|Before\s+that|In\s+the\s+past)\b(?!\s+(?:today|on|this|in\s+the\s+day))")


RELATIVE_RE = re.compile(r"\b(?:that|which|who|whom|where)\s+(?!(?:is|are|was|were)\b)")

# ", who arrived in Beijing on Sunday,": a relative clause tells of something else than its sentence.
ASIDE_RE = re.compile(r",\s*(?:who|which|whose|where)\b[^,;]*,")


# "Biegun arrived here on a three-day visit primarily to finalise the groundwork for the dialogue
# later this month": what the trip was for, and its own time.
PURPOSE_RE = re.compile(
    r"\b(?:primarily\s+|mainly\s+|chiefly\s+|in\s+order\s+)?to\s+(?:finali[sz]e|prepare|attend|discuss|hold|participate|take\s+part"
    r"|lay|review|meet|sign|push|seek|boost|strengthen|explore|deepen|expand|promote|advance|negotiate|address|mark"
    r"|celebrate|inaugurate|launch|co-?chair|chair|join|witness|lead|represent)\b"
)


LATER_SETTING_RE = re.compile(r"\b(?:comes|came)\s+(?:as|after|amid)\b|\b(?:following|after)\s+the\s+(?:signing|adoption|launch|conclusion)\s+of\b")


def _aside(masked, expr, trigger):
    """Whether a date expression and the event's verb are on two sides of a relative clause: "Li,
    who arrived on Thursday, met Singh", "The prime minister, who is visiting the US, will join
    them for the banquet on Thursday"; or the date is of the purpose of a trip that happened ("arrived
    … to finalise the groundwork for the dialogue later this month")."""
    if expr.start > trigger.end() and (purpose := PURPOSE_RE.search(masked, trigger.end(), expr.start)):
        first = trigger.group().split()[0].lower()
        # (but "the ministers met in Cape Town to attend the meeting from June 1-2": the meeting they met at)
        attended = re.match(r"(?:\w+\s+)?to\s+(?:attend|participate|take\s+part)", purpose.group()) and not VISIT_RE.fullmatch(trigger.group())
        if dates.PAST_RE.fullmatch(first) and not dates.is_future(masked, trigger.start() + len(first)) and not attended:
            return True
    if expr.end <= trigger.start() and re.search(r"\b(?:issued|released|published|posted|put\s+out)\s+$", masked[: expr.start]):
        return True  # "A White House statement issued on Tuesday on Biden's visit to India …": the statement's day
    if expr.start > trigger.end() and (setting := LATER_SETTING_RE.search(masked, trigger.end(), expr.start)) and not re.search(r"[,;]", masked[setting.end() : expr.start]):
        # "The meeting … comes as Belarus moves closer to full SCO membership following the signing of
        # its Memorandum … in 2023": the time of what the meeting follows
        return True
    coming = COMING_CLAUSE_RE.search(masked, 0, trigger.start())
    if coming and expr.start < coming.start():
        return True  # "arrived here on Monday on a two-day visit during which he will hold summit talks": not Monday's
    clause = COMING_CLAUSE_RE.search(masked, 0, expr.start)
    if clause and trigger.end() <= clause.start() < expr.start:
        return True  # "arrived on a three-day visit during which she would be the chief guest … on Tuesday": the clause's day
    return any(
        (m.start() <= expr.start < m.end()) != (m.start() <= trigger.start() < m.end()) for m in ASIDE_RE.finditer(masked)
    )


# "to attend the summit": an occasion the paragraph has told of, referred back to.
OCCASION_TOLD_RE = re.compile(r"\b(?:to\s+attend|for|at|during)\s+the\s+(?:summit|meeting|talks|conference|dialogue)\b(?!\s+(?:of|on|in|with|between)\b)")


# A relative clause of what is still to come, up to the event's verb.
# The same clause after the event's verb: ", during which Ms. Yellen announced that she would visit India"
COMING_AFTER_RE = re.compile(
    r",\s*(?:during\s+which|in\s+which|where|when)\s+[^,;]{0,80}?\b(?:will|would|is\s+(?:set|scheduled|expected|due)\s+to)\s+(?:visit|travel|go)\b"
)
# ("during which Ms. Yellen announced that she would visit India in November")
COMING_CLAUSE_RE = re.compile(
    r"\b(?:during\s+which|in\s+which|where|when)\s+(?:he|she|they|the\s+\w+|[A-Z]\w+|[^,;]{1,60}?\bthat\s+(?:he|she|they))\s+"
    r"(?:will|would|is\s+(?:set|scheduled|expected|due)\s+to)\b[^,;]*$"
)


def _within(value, period):
    """Whether a known date falls in a period (a day, a range of days, a month or a year)."""
    if period.end and value.precision == "day":
        return period.date <= value.date <= period.end
    return periods_agree(value, period)


def paragraph_time(masked, ctx):
    """The time a sentence sets its paragraph at: its first event-time expression that resolves (not
    the time of someone's words: "she had said in a post on X on Thursday")."""
    for expr in dates.find_expressions(masked):
        if dates.is_event_time(masked, expr) and not SPOKEN_AT_RE.search(masked, max(0, expr.start - 50), expr.start):
            value = dates.resolve(expr, masked, ctx.anchor)
            if value.known:
                return (expr.text, value)
    return None


SPOKEN_AT_RE = re.compile(r"\b(?:said|says|told|stated|posted|wrote|tweeted|added)\b[^.;,]{0,40}$")


LEAD_DAYS = 7  # the lead event of a report is one within a week of its publication


def _near(value, day):
    """Whether a known date's period comes within LEAD_DAYS of a day."""
    start = value.date
    if value.precision == "day":
        end = value.end or value.date
    elif value.precision == "month":
        end = (start.replace(day=28) + datetime.timedelta(days=4)).replace(day=1) - datetime.timedelta(days=1)
    else:
        end = start.replace(month=12, day=31)
    margin = datetime.timedelta(days=LEAD_DAYS)
    return start - margin <= day <= end + margin


def _same_place(a, b):
    return a is not None and b is not None and a.country == b.country and a.name.casefold() == b.name.casefold()


# "Havana, April 14 (RHC) - Xi received Lula on Thursday": the day the report was filed, not the event's.
DATELINE_DATE_RE = re.compile(r"[A-Z][\w .'’-]{1,40}(?:\s*\[[^\]\n]{1,30}\])?,\s*$")  # (also "Qingdao [China], June 27 :")
DATELINE_END_RE = re.compile(r",?\s*(?:\d{4}\s*)?(?:\([^()\n]{1,30}\)|/[^/\n]{1,20}/)?\.?\s*(?:[-—–:]|\.\s)|,?\s*\([A-Z]{2,}\)\s")  # (or "Sep 29 (IANS) President …")


def _in_dateline(masked, expr):
    return expr.start <= 45 and bool(DATELINE_DATE_RE.fullmatch(masked[: expr.start])) and bool(DATELINE_END_RE.match(masked, expr.end))


# "Last month, the White House announced that the two leaders would be meeting at the summit": the
# time of the announcement, not of what it announces.
ANNOUNCED_RE = re.compile(r"\b(?:announced|said|stated|told|confirmed|reported|revealed|disclosed)\b")


def _announced(masked, expr, trigger):
    if not expr.end <= trigger.start():
        return False
    speech = ANNOUNCED_RE.search(masked, expr.end, trigger.start())
    return bool(speech) and dates.is_future(masked, trigger.start())


def _stated_times(masked, trigger):
    """The event-time expressions of the sentence that may date the event its trigger reports."""
    return [
        e for e in dates.find_expressions(masked)
        if (
            dates.is_event_time(masked, e) or (VISIT_FROM_RE.search(masked[: e.start]) and e.kind in DAY_KINDS)
            # "since the October 2024 meeting between Modi and Xi": the time of the event it qualifies
            or (e.end <= trigger.start() and not masked[e.end : trigger.start()].strip() and e.kind in ("month_year", "day_month_year", "month_day_year"))
        )
        and not _aside(masked, e, trigger) and not _in_dateline(masked, e) and not _announced(masked, e, trigger)
        # ("the first high-level visit since the president took office last year": the since-clause's time)
        and not (e.start > trigger.end() and FIRST_SINCE_CLAUSE_RE.search(masked, trigger.end(), e.start))
    ]


FIRST_SINCE_CLAUSE_RE = re.compile(r"\b(?:first|maiden)\b[^.;]{0,80}?\bsince\s+(?:the\s+)?(?:[\w’',-]+\s+){0,6}?(?:took|assumed|became|came|returned|was|were|won|began)\b", re.I)
# "a three-day visit to the United States from June 21": the day a visit begins, not a bound
VISIT_FROM_DAY_RE = re.compile(r"\b(?:visit|trip|tour)\b[^.;]{0,60}\bfrom\s+(?:\d|[A-Z][a-z]+\.?\s+\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)")
VISIT_FROM_RE = re.compile(r"\b(?:visit|trip|tour|stay)\b[^.;]{0,60}\bfrom\s+$", re.I)
DAY_KINDS = ("month_day", "day_month", "month_day_year", "day_month_year", "weekday", "iso")


TO_COME_RE = re.compile(r"\b(?:proposed|planned|upcoming|next|forthcoming)\s+(?:[\w-]+\s+){0,3}$", re.I)
INVITED_TO_RE = re.compile(r"\binvit(?:ed|es|ing|ation)\b[^.;]{0,60}\bto\s+(?:the\s+|a\s+|an\s+|visit\s+)?(?:[\w-]+\s+){0,5}$", re.I)
# What an event came before or after: "ahead of the summit", "before flying to Paris".
PRECEDES_RE = re.compile(
    r"\b(?:ahead\s+of|before|after|prior\s+to|following|follows|followed|in\s+the\s+run-up\s+to"
    # "the first meeting between India and Bangladesh post political changeover … on August 5" (not "a post on X")
    r"|(?<!\ba\s)(?<!\bthe\s)(?<!\bhis\s)(?<!\bher\s)(?<!\bits\s)(?<!\btheir\s)(?<!\bthis\s)post(?=\s+(?:the\s+)?[a-z]))"
    r"\s+(?!(?:the\s+)?(?:day|week|month|year)\b)",
    re.I,
)
DISCUSSED_RE = re.compile(r"discussed|deliberate[ds]?|conferred", re.I)
# An event named as a noun, up to here within its clause: "Mr. Modi's visit to Vladivostok in".
NOMINAL_EVENT_RE = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour|meeting|summit|talks)\b[^,;]*$")
CLAUSE_END_RE = re.compile(r"[,;]|$")


def _what_it_came_before(masked, trigger):
    """The span of the clause after the event's verb that tells what the event came before or after
    ("ahead of Modi's visit to Vladivostok in early September"), up to the next comma; or None."""
    m = PRECEDES_RE.search(masked, trigger.end())
    return (m.start(), CLAUSE_END_RE.search(masked, m.end()).start()) if m else None


# A clause, up to here, of what the sentence's event is set by.
SETTING_CLAUSE_RE = re.compile(rf"(?:(?i:{PRECEDES_RE.pattern})|{BACKDROP_RE.pattern})[^,;]*$")
# The same, with a clause of its place or time after it: "after concluding his visit to France,
# where he co-chaired the AI Action Summit".
SETTING_CHAIN_RE = re.compile(rf"(?:(?i:{PRECEDES_RE.pattern})|{BACKDROP_RE.pattern})[^,;]*,\s*(?:where|when|during\s+which)\b[^,;]*$")


SINCE_RE = re.compile(r"\bsince\b")
SINCE_EVENT_RE = re.compile(r"\bsince\s+(?:the|their|his|her|a|an)\s+[^,;]*$")


# "reached Austria on Tuesday from Russia where he met Putin": the clause of the place the traveller
# came from, its own event's place, of another time.
FROM_WHERE_RE = re.compile(r"\bfrom\s+(?P<place>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){0,2})\s*,?\s*where\b[^,;]*$")


def _inside_setting_clause(masked, trigger):
    """Where the clause the event is told in starts, when that is the place or time clause of what
    the sentence's own event came after or before, following it ("Modi arrived in Washington on Wednesday after
    concluding his visit to France, where he co-chaired the AI Action Summit"); else None. Its event
    takes no time or place from the rest of the sentence."""
    m = SETTING_CHAIN_RE.search(masked, 0, trigger.start()) or FROM_WHERE_RE.search(masked, 0, trigger.start())
    if m and any(regex.search(masked, 0, m.start()) for regex in (AGREEMENT_RE, VISIT_RE, MEETING_VERB_RE)):
        return m.start()
    return None


# "arrived in Cyprus for a two-day trip – his first visit after he returned from Saudi Arabia in
# April – on Sunday": an aside between two spaced dashes.
DASH_ASIDE_RE = re.compile(r"\s[–—-]\s[^–—;]{3,200}?\s[–—-]\s")


def _without_dash_asides(masked, trigger):
    """The sentence with the asides between dashes that do not hold the event's verb blanked (offsets
    kept): their times and clauses are not the event's."""
    for m in DASH_ASIDE_RE.finditer(masked):
        if not m.start() <= trigger.start() < m.end():
            masked = masked[: m.start() + 2] + " " * (m.end() - m.start() - 4) + masked[m.end() - 2 :]
    return masked


def date_for(masked, trigger, ctx, headline=False, people=(), venue=None):
    """The date the sentence gives the event: the event-time expression nearest the trigger,
    else, for an event of one of the lead event's people, the date of the report's lead event (the
    first it dates): the time the story is told around; else the day of the report, unless the
    sentence sets it before. A headline without a date takes the date of the body's report of its
    event when they join (see `date_headlines`). `people`: the event's participants; `venue`: where
    the sentence places it."""
    masked = _without_dash_asides(masked, trigger)
    found = _stated_times(masked, trigger)
    spoken_of = SPOKEN_OF_OCCASION_RE.search(masked, 0, trigger.start() + 1)
    if not found and spoken_of and spoken_of.end() >= trigger.start() - 60:
        # "the Joint Vision, initially adopted during President Dissanayake’s state visit to India";
        # "congratulations for India's success in organizing the G20 Summit": an occasion before the report
        return _set_before(spoken_of.group().strip())
    if not found and re.match(r"recall", trigger.group(), re.I):
        # "President Trump warmly recalled his visit to India": a visit before the report, whose day it does not give
        return _set_before(trigger.group())
    speaker = TRAILING_SPEAKER_RE.search(masked, trigger.end())
    if speaker and dates.is_future(masked, trigger.start() + len(trigger.group().split()[0])):
        # "He will also meet Sullivan, the ministry said on Wednesday": the day of the words is no day of what is to come
        found = [e for e in found if e.start < speaker.start()]
    if DISCUSSED_RE.fullmatch(trigger.group()):
        # "discussed Mr. Modi's visit to Vladivostok in September": the time of what was discussed
        found = [e for e in found if e.start < trigger.start() or not NOMINAL_EVENT_RE.search(masked, trigger.end(), e.start)]
    # "will hold talks … and build on the meeting last month of the Roundtable": the time of another
    # event, named as a noun after the verb ("was the Chief Guest … for the second time, the first was
    # in 2015": the first time's)
    found = [e for e in found if not _of_a_named_event(masked, e, trigger) and not FIRST_WAS_RE.search(masked, 0, e.start)]
    if not found and (concluded := CONCLUDED_OPENER_RE.match(masked)) and concluded.start(1) <= trigger.start() < concluded.end():
        # "After concluding his State Visit to Mauritius, PM Modi took to social media …": a visit over
        # before what the sentence tells, on a day it does not give
        return _set_before(concluded.group().strip(' ,'))
    if not found and (second := SECOND_TIME_RE.search(masked)):
        # ("was the Chief Guest at Mauritius' National Day for the second time, the first was in 2015"): an
        # occasion the report tells as past, on a day it does not give
        return _set_before(second.group().strip(' ,'))
    setting = _inside_setting_clause(masked, trigger)
    if setting is not None:
        found = [e for e in found if e.start > setting]
        if not found:
            return DateValue(evidence=f"{SETTING_EVIDENCE} (“{masked[setting:trigger.start()].strip()}”) and gives no day for it")
    before = _what_it_came_before(masked, trigger)
    if before:
        # "during a meeting ahead of Modi's visit to Vladivostok in early September, in Moscow,
        # Wednesday, Aug 21, 2019": the time of what it came before, when the sentence gives its own
        found = [e for e in found if not before[0] < e.start < before[1]]
    if found:
        nearest = min(found, key=lambda e: _distance(masked, e, trigger))
        value = dates.resolve(nearest, masked, ctx.anchor)
        if value.known and value.precision != "day":
            # "This year the two spoke by phone on August 2": a day within the period says more.
            finer = [
                v for v in (dates.resolve(e, masked, ctx.anchor) for e in found if e is not nearest and _distance(masked, e, trigger) < 1000)
                if v.known and RANK[v.precision] < RANK[value.precision] and periods_agree(v, value)
            ]
            value = min(finer, key=lambda v: RANK[v.precision], default=value)
        if not value.known and ctx.anchor.year and nearest.kind in ("weekday", "weekday_range", "relative_day", "relative_period"):
            value = _report_year(ctx.anchor, f"“{nearest.text}” in a report of", value.weekday)
        if not value.known and value.month_day and ctx.paragraph_time and ctx.paragraph_time[1].precision == "day":
            # "met … on October 10, 2023. … the agreement concluded on October 9": the year of the
            # day the paragraph gave, the nearest such day to it
            given = ctx.paragraph_time[1].date
            month, day = value.month_day
            days = [datetime.date(y, month, day) for y in (given.year - 1, given.year, given.year + 1) if (month, day) != (2, 29) or calendar.isleap(y)]
            if days:
                near = min(days, key=lambda d: abs((d - given).days))
                value = DateValue(near, "day", f"“{nearest.text}”, the nearest such day to “{ctx.paragraph_time[0]}” ({given.isoformat()})")
        if not value.known and value.month_day:
            # "at a joint press conference … on August 23" in a report without a date, whose caption
            # says "Kyiv, August 23, 2024": the one such day the document writes in full
            same = {(text, day) for text, day in ctx.stated_days if (day.month, day.day) == value.month_day}
            if len({day for _, day in same}) == 1:
                text, day = min(same)
                value = DateValue(day, "day", f"“{nearest.text}”, the day “{text}” the report writes in full")
        if not value.known and nearest.kind == "weekday":
            # "on Friday, August 26" in a report without a date: the day beside the weekday, when it
            # is known and falls on that weekday
            beside = next((e for e in found if e.start - nearest.end <= 2 and e.start >= nearest.end and e.kind in ("day_month", "month_day")), None)
            day = dates.resolve(beside, masked, ctx.anchor) if beside else None
            if day and day.known and day.precision == "day" and day.date.weekday() == dates.weekday_of(nearest.text):
                value = day
        if value.known and speaker and nearest.start >= speaker.start():
            # "…, PTI reported on Thursday": the day of the words, standing for the report's day
            # (a day the report gives the event itself wins over it).
            value = replace(value, evidence=f"{SOURCE_DAY_EVIDENCE}: {value.evidence}")
        mark = SAME_DAY_MARK_RE.search(masked)
        if value.known and mark and value.date == ctx.anchor.date and "today" in nearest.text.lower() and not EARLIER_SAME_DAY_RE.match(masked) and not value.evidence.startswith(SAME_DAY_OTHER_OCCASION):
            # "as they arrived at Rashtrapati Bhavan earlier today", "is scheduled to hold talks … later
            # today": the story's day, another occasion than its lead
            prefix = EARLIER_SAME_DAY_EVIDENCE if mark.group().lower().startswith("earlier") else LATER_SAME_DAY_EVIDENCE
            value = replace(value, evidence=f"{prefix}: {value.evidence}")
        return value  # a date the sentence gives but that cannot be resolved stays unknown
    later = LATER_SAME_DAY_RE.search(masked, 0, trigger.start())
    story = ctx.narrative if ctx.narrative.known and ctx.narrative.precision == "day" else None
    if later and not headline and (story or ctx.anchor.date):
        # "Later in the day, Modi will also call on President Tharman": the story's day
        day, basis = (story.end or story.date, f"{LEAD_EVIDENCE}: {story.evidence}") if story else (ctx.anchor.date, f"{REPORT_DATE_EVIDENCE} ({ctx.anchor.evidence})")
        return DateValue(day, "day", f"{LATER_SAME_DAY_EVIDENCE}: “{later.group()}”, {basis}")
    # The tense of the clause the event's verb is in: "said the three countries would establish a
    # hotline … at the close of his talks" reports talks that happened.
    # ("who is in India on a two-day visit, will call on Modi": the visit is under way)
    future = not re.match(r"(?:is|are)\s+in\s", trigger.group()) and dates.is_future(masked, trigger.start() + len(trigger.group().split()[0]))
    # "invited Modi to the G-7 Summit": an occasion to come; so is "the proposed Summit"
    future = future or bool(INVITED_TO_RE.search(masked, 0, trigger.start())) or bool(
        # ("had invited Prime Minister Modi to visit their countries")
        re.match(r"to\s+visit", trigger.group(), re.I) and re.search(r"\binvit(?:ed|es|ing)\b[^.;]{0,60}$", masked[: trigger.start()])
    ) or bool(
        re.match(r"(?i)(?:summit|meeting|talks|visit|conference)\b", trigger.group()) and TO_COME_RE.search(masked, 0, trigger.start())
        # ("In his next meeting with Yoon, Modi discussed …": the one after, not one to come)
        and not re.search(r"\b(?:his|her|their)\s+next\s+(?:[\w-]+\s+){0,3}$", masked[: trigger.start()], re.I)
    )
    if headline and not future:
        return DateValue(evidence=HEADLINE_EVIDENCE)
    after_it = AFTER_THE_LEAD_RE.match(masked)
    if future and after_it and story and ctx.anchor.date == story.date and not story.end:
        # "Following the meeting, the foreign secretary is scheduled to … hold a courtesy call with
        # Hossain", in a report of the day's meeting: later that day
        return DateValue(story.date, "day", f"{LATER_SAME_DAY_EVIDENCE}: “{after_it.group().strip(' ,')}”, {LEAD_EVIDENCE}: {story.evidence}")
    following = FOLLOWING_DAY_RE.search(masked, 0, trigger.start())
    if following and ctx.paragraph_time and ctx.paragraph_time[1].precision == "day":
        # "visited Kyiv on June 16 … The following day, the mission was received in St. Petersburg":
        # the day after the last day the paragraph gave.
        expression, value, _ = ctx.paragraph_time
        day = (value.end or value.date) + datetime.timedelta(days=1)
        return DateValue(day, "day", f"“{following.group()}”: the day after “{expression}” ({value.iso()})")
    next_period = FOLLOWING_PERIOD_RE.search(masked, 0, trigger.start() + 40)
    last = ctx.paragraph_time or ctx.last_time
    if next_period and last and last[1].known:
        # "In 2014, during a summit … ¶ The following year, during another summit …": the year after
        expression, value = last[:2]
        unit = (next_period[1] or next_period[2]).lower()
        if unit == "year":
            return DateValue(datetime.date(value.date.year + 1, 1, 1), "year", f"“{next_period.group()}”: the year after “{expression}” ({value.iso()})")
        if value.precision in ("day", "month"):
            months = value.date.year * 12 + value.date.month
            return DateValue(datetime.date(months // 12, months % 12 + 1, 1), "month", f"“{next_period.group()}”: the month after “{expression}” ({value.iso()})")
    previous = PREVIOUS_DAY_RE.search(masked)
    told = previous and (ctx.paragraph_time[1] if ctx.paragraph_time else ctx.narrative if ctx.narrative.known else DateValue(ctx.anchor.date, "day") if ctx.anchor.date else None)
    if told and told.known and told.precision == "day":
        # "hosted Modi for an intimate dinner a day earlier": the day before the one the story is at
        day = told.date - datetime.timedelta(days=1)
        return DateValue(day, "day", f"{PREVIOUS_DAY_EVIDENCE}, {told.iso()}: “{previous.group()}” ({told.evidence})")
    described = DESCRIBED_RE.search(masked)
    lead_people = len(people) >= 2 and {id(p) for p in people} <= ctx.narrative_people
    if described and described.start() <= trigger.start() < described.end() + 20 and not lead_people:
        # (but "Erdogan praised the talks with Mitsotakis" after the report of their talks tells of those)
        # "Wang Yi and Qin Gang described their talks with Blinken as candid": talks before the words
        # about them, on a day the sentence does not give.
        return DateValue(evidence=f"{DESCRIBED_EVIDENCE} (“{described.group()}”) and gives no day for it")
    after = AFTER_THEIR_RE.search(masked, 0, trigger.start())
    said_after = after and re.search(r"\b(?:said|says|told|tweeted|posted|wrote|added|stated|remarked)\s+(?:[\w-]+\s+){0,2}$", masked[: after.start()])
    if after and not said_after and NOMINAL_TRIGGER_RE.match(trigger.group()) and not (lead_people and _same_place(venue, ctx.narrative_venue or ctx.scene)):
        # "relations have improved following his meeting with President Xi in Kazan": a meeting before
        # what the sentence tells, on a day it does not give (but "tweeted after his meeting with Al
        # Saud", of the pair the report is about, where it is set, tells of that meeting; and "Austin said
        # after his meeting with Singh" tells of the meeting the words followed)
        return DateValue(evidence=f"{DONE_BEFORE_EVIDENCE} (“{after.group()}”) and gives no day for it")
    several = r"\b(?:during|in|at|after)\s+(?:their|the|his|her)\s+(?:[\w-]+\s+)?(?:meetings|visits|calls)\b"
    if re.search(several + r"(?:\s+or)?\s*$", masked[: trigger.start()] + " ", re.I) or re.search(several, trigger.group(), re.I):
        # "During their meetings or talks with Xi, the leaders …": several, on days it does not give
        # (but "he held bilateral meetings with …" tells of the story's day).
        return DateValue(evidence=f"{SEVERAL_EVIDENCE} and gives no day for them")
    # A sentence that sets what it tells before the report's time takes neither the lead's date nor
    # the report's.
    background = _background(masked, trigger) or ctx.paragraph_earlier
    if background and ctx.paragraph_time and ctx.paragraph_time[1].known and OCCASION_TOLD_RE.search(masked, trigger.end()):
        # "The last summit was held on December 6, 2021, in New Delhi. Putin had visited India to
        # attend the summit": the time the paragraph gave the occasion it refers back to
        expression, value = ctx.paragraph_time[:2]
        return replace(value, evidence=f"“{expression}”, the time its paragraph gives the occasion it was for ({value.evidence})")
    opener = BARE_EARLIER_RE.match(masked)
    n = ctx.narrative
    # (or a paragraph that opens so: "Earlier, Meloni paid her respects at Rajghat. She was received by Modi …")
    paragraph_opener = (
        background is not None and background is ctx.paragraph_earlier and not _background(masked, trigger)
        and BARE_EARLIER_RE.match(background.string) is not None
    )
    if (
        ((opener and background and background.start() < opener.end() and not BACKGROUND_RE.search(masked, opener.end())) or paragraph_opener)
        and n.known and n.precision == "day" and not n.end and n.date == ctx.anchor.date
        and {id(p) for p in people} & ctx.narrative_people and not future
    ):
        # "Earlier, Blinken met Jaishankar", in a report of the day's talks of one of them: earlier
        # that day (but "Earlier, they had met in Tokyo" and "Earlier this year" are another time)
        return DateValue(n.date, "day", f"{EARLIER_SAME_DAY_EVIDENCE}: “Earlier”, {LEAD_EVIDENCE}: {n.evidence}")
    story = ctx.narrative if ctx.narrative.known else DateValue(ctx.anchor.date, "day") if ctx.anchor.date else None
    gap = GAP_RE.search(masked, 0, trigger.start())
    if gap and story and story.precision == "day":
        # "The meeting comes six days after Jaishankar held talks with Pompeo in Tokyo": counted back
        # from the story's day.
        return _counted_back(gap, story)
    # A sentence of the lead's people at its place, after a background fact ("Anwar was sworn in on
    # November 24. He met Widodo at the palace in Bogor"), tells the lead again; after an event of
    # that other time ("The dialogue was held in Washington in April last year. Jaishankar and Singh
    # were welcomed by Blinken and Austin"), it tells more of that event.
    retold = (
        {id(p) for p in people} & ctx.narrative_people and _same_place(venue, ctx.narrative_venue or ctx.scene)
        and not (ctx.paragraph_time and ctx.paragraph_time[2])
    )
    if story and ctx.paragraph_time and not (background or future or retold) and not _within(ctx.paragraph_time[1], story):
        # "The American president was received in July … Biden met MBS in Jeddah": the paragraph
        # tells another time than the story's, and this sentence does not say which day of it (unless
        # it tells again the lead event, one of its people at its place: "He met Widodo in Bogor").
        if re.search(r"\b(?:after|since|following)\s+(?:the|their|a|an|his|her)\s+(?:[\w-]+\s+)?$", masked[: trigger.start()], re.I):
            # "as expected after the meeting between Putin and Xi": before the paragraph's time, how long is not said
            return DateValue(evidence=f"{PARAGRAPH_EVIDENCE} (“{ctx.paragraph_time[0]}”), and it came before that")
        return _in_the_paragraphs_time(ctx.paragraph_time)
    if ctx.narrative.known and not background and not future:
        # (a lead known only by its countries, "India and Bangladesh signed seven MoUs", is of
        # anyone of those countries, or of no known country)
        personless_lead = not ctx.narrative_people and all(p.country in (None, *ctx.narrative_countries) for p in people)
        if people and not {id(p) for p in people} & ctx.narrative_people and not personless_lead:
            # Other people than the lead's, and no date of their own: the story's day is a guess.
            return DateValue(evidence=NOT_THE_LEADS_EVIDENCE)
        n = ctx.narrative
        if n.end and n.precision == "day" and ctx.anchor.date and n.date <= ctx.anchor.date <= n.end and not re.search(r"\b(?:during|in|at|on)\s+(?:the|their|his|her)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|talks|stay)\b", masked, re.I):
            # The lead runs until the report's day ("the talks in Beijing from March 6 to 10", in a
            # report of March 10) and the sentence does not set the event inside it: news of the
            # report's day, like any report that gives no other date.
            return DateValue(ctx.anchor.date, "day", f"{REPORT_DATE_EVIDENCE} ({ctx.anchor.evidence}), the last day of the report's lead event, {n.evidence}")
        if (n.end or ctx.narrative_ended) and n.precision == "day":
            # The lead ran over several days ("the talks in Beijing from March 6 to 10", a visit that
            # "concluded" on the lead's day): which of them this was, the report does not say.
            # (a visit that ended: its first days may lie up to a week before)
            first, last = (n.date - datetime.timedelta(days=7), n.date) if not n.end else (n.date, n.end)
            same_month = (first.year, first.month) == (last.year, last.month)
            return DateValue(
                last.replace(day=1) if same_month else last.replace(month=1, day=1), "month" if same_month else "year",
                f"{DURING_LEAD_EVIDENCE}, on a day it does not give: {n.evidence}",
            )
        return DateValue(n.date, n.precision, f"{LEAD_EVIDENCE}: {n.evidence}")
    if ctx.anchor.date and not background and not future and {id(p) for p in people} & ctx.lead_before:
        # "Jaishankar's recent visit to Argentina was aimed at … Both sides inked an MoU": told of the
        # visit the report opened with, set before the report on a day it does not give.
        return DateValue(evidence=f"{LEAD_BEFORE_EVIDENCE} and gives no date for it")
    if ctx.anchor.date and not background and not future and (since := _since_the_arrival(masked, trigger, ctx)):
        return since
    if ctx.anchor.date and not background and not future:
        # News reports what happened on the day it is published unless it says otherwise.
        return DateValue(ctx.anchor.date, "day", f"{REPORT_DATE_EVIDENCE} ({ctx.anchor.evidence}), which gives no other date for it")
    if ctx.anchor.year:
        return _report_year(ctx.anchor, "the year of the report,")
    if future:
        if PLANNED_RE.search(masked, 0, trigger.start()):
            return DateValue(evidence=PLANNED_EVIDENCE)
        return DateValue(evidence=COMING_EVIDENCE)
    if background:
        return _set_before(background.group())
    return DateValue(evidence="the report gives no date for it")


# What a sentence tells as done at an occasion, or of an occasion, before the report: "initially adopted
# during", "success in organizing", "for hosting"
SPOKEN_OF_OCCASION_RE = re.compile(
    r"\b(?:(?:initially|originally|first)\s+(?:adopted|signed|agreed|announced|launched|unveiled|inked|concluded)\s+(?:during|at)"
    # "the Global Biofuels Alliance launched by India at the G20 Summit": where something began, before
    r"|(?<=\s)(?:adopted|announced|launched|unveiled|founded|set\s+up|created)\s+by\s+(?:[\w-]+\s+){1,4}?(?:during|at)"
    r"|success\s+in\s+(?:organi[sz]ing|hosting|holding)|successful(?:ly)?\s+(?:organi[sz]ing|hosting|holding|organi[sz]ed|hosted|held)"
    r"|for\s+(?:organi[sz]ing|hosting))\b",
    re.I,
)
# "After concluding his State Visit to Mauritius, …": a visit over before what the sentence tells
CONCLUDED_OPENER_RE = re.compile(r"\s*(?:After|Following|On)\s+((?:concluding|wrapping\s+up|ending|winding\s+up|completing)\s+(?:his|her|their|the)\s+[^,;]{3,80}),")
# "was the Chief Guest at Mauritius' National Day for the second time, the first was in 2015"
SECOND_TIME_RE = re.compile(r"\b(?:was|were)\b[^,;]{0,80}\bfor\s+the\s+(?:second|third|fourth|fifth)\s+time\b")
FIRST_WAS_RE = re.compile(r",\s*the\s+first\s+(?:one\s+|time\s+)?(?:was|being|came)\s+(?:in|on|back\s+in)\s+$")
# "Following the meeting, …": what comes after the report's lead event
AFTER_THE_LEAD_RE = re.compile(r"\s*(?:Following|After)\s+the\s+(?:[\w-]+\s+){0,2}(?:meeting|talks|consultations?|dialogue|discussions),")
LATER_SAME_DAY_RE = re.compile(r"\b[Ll]ater\s+(?:in\s+the\s+day|today|tonight|this\s+(?:morning|afternoon|evening))\b")
PREVIOUS_DAY_RE = re.compile(r"\b(?:a\s+day\s+(?:earlier|before)|the\s+day\s+before|the\s+(?:previous|preceding)\s+(?:day|evening|night))\b(?!\s+(?:of|that|when|yesterday))", re.I)
FOLLOWING_PERIOD_RE = re.compile(r"\b(?:the\s+(?:following|next)\s+(year|month)|a\s+(year|month)\s+later)\b(?!\s+(?:of|that|when))", re.I)
FOLLOWING_DAY_RE = re.compile(r"\b(?:the\s+(?:following|next)\s+day|a\s+day\s+later|the\s+day\s+after)\b(?!\s+(?:of|that|when))", re.I)
# "The meeting comes six days after …", "The talks came nearly eight months after …"
GAP_RE = re.compile(
    r"\b(?:comes?|came|took\s+place|was\s+held|is\s+held)\s+(?P<about>(?:just|nearly|about|some|only|barely|almost|around|roughly)\s+)?"
    r"(?P<n>\w+)\s+(?P<unit>days?|weeks?|months?|years?)\s+after\b",
    re.I,
)


def _counted_back(gap, story):
    """The date of what happened a number of days (weeks, months, years) before the story's day, as
    precise as the count: days give a day (unless approximate), weeks and months a month, years a year."""
    word = gap["n"].lower()
    n = 1 if word in ("a", "an") else dates.count_of(word)
    if not n:
        return _set_before(gap.group())
    unit = gap["unit"].lower().rstrip("s")
    day = story.date
    why = f"counted back from the story's day (“{gap.group()}”; {story.evidence})"
    if unit == "day" and not gap["about"]:
        return DateValue(day - datetime.timedelta(days=n), "day", why)
    if unit in ("day", "week"):
        back = day - datetime.timedelta(days=n * (7 if unit == "week" else 1))
        return DateValue(back.replace(day=1), "month", why)
    if unit == "month":
        months = day.year * 12 + day.month - 1 - n
        return DateValue(datetime.date(months // 12, months % 12 + 1, 1), "month", why)
    return DateValue(datetime.date(day.year - n, 1, 1), "year", why)


def _in_the_paragraphs_time(paragraph_time):
    """An event told in a paragraph set at another time, on a day the sentence does not give: in
    that time's month (or year), which holds it; "The American president was received in July …
    Biden met MBS in Jeddah" is a meeting in July."""
    expression, value, _ = paragraph_time
    why = f"{PARAGRAPH_EVIDENCE} (“{expression}”) and the sentence gives no day of its own"
    first, last = value.date, value.end or value.date
    if value.precision == "year" or (value.precision == "day" and first.year != last.year):
        return DateValue(first.replace(month=1, day=1), "year", why)
    if value.precision == "month" or (first.year, first.month) == (last.year, last.month):
        return DateValue(first.replace(day=1), "month", why)
    return DateValue(first.replace(month=1, day=1), "year", why)


# "Austin, who landed in New Delhi on Friday, called on Prime Minister Modi"
ARRIVED_ASIDE_RE = re.compile(r",\s*who\s+(?:had\s+)?(?:arrived|landed|reached)\b[^,;]*,")


def _since_the_arrival(masked, trigger, ctx):
    """What someone did after the day a relative clause says they arrived, before the report's day,
    on a day the sentence does not give: the month, when both days are in it; else unknown."""
    aside = next((m for m in ARRIVED_ASIDE_RE.finditer(masked, 0, trigger.start())), None)
    if aside is None:
        return None
    days = [v for v in (dates.resolve(e, aside.group(), ctx.anchor) for e in dates.find_expressions(aside.group())) if v.precision == "day"]
    if not days or days[0].date >= ctx.anchor.date:
        return None
    arrived, until = days[0].date, ctx.anchor.date
    evidence = f"after the day of the arrival it tells ({days[0].evidence}), by the report's day ({ctx.anchor.evidence}), on a day it does not give"
    if (arrived.year, arrived.month) == (until.year, until.month):
        return DateValue(arrived.replace(day=1), "month", evidence)
    return DateValue(evidence=evidence)


def _report_year(anchor, why, weekday=None):
    """The year a report without a publication date is known to be written in, as the event's date."""
    return DateValue(datetime.date(anchor.year, 1, 1), "year", f"{why} {anchor.year} ({anchor.evidence})", weekday)


def _distance(masked, expr, trigger):
    """How far a date is from the verb it may date, a clause boundary (a comma) counting as far: in
    "Li, who arrived on Thursday, met Singh on Friday", Friday dates the meeting."""
    lo, hi = sorted((expr.start, trigger.start()))
    commas = masked.count(",", lo, hi)
    if expr.start < trigger.start() and OPENING_TIME_RE.match(masked[: expr.start]) and re.match(r"\s*,", masked[expr.end :]):
        commas -= 1  # "On Thursday, Modi and Wong will hold talks": the time the sentence opens with is its own
    return abs(expr.start - trigger.start()) + 1000 * commas


NAMED_EVENT_BEFORE_RE = re.compile(
    r"\b(?:the|a|an|their|his|her|its)\s+(?:[\w-]+\s+){0,2}?(?:meeting|visit|trip|tour|talks|summit|call|dialogue|conference|session|roundtable)\s+$", re.I
)


def _of_a_named_event(masked, expr, trigger):
    """Whether a time after the event's verb is that of another event the sentence names just before
    it as a noun ("build on the meeting last month"; but "met at the summit on Tuesday" is the
    meeting's day)."""
    if not re.match(r"(?:last|this|earlier|previous)\b", masked[expr.start :], re.I):
        return False
    m = NAMED_EVENT_BEFORE_RE.search(masked, trigger.end(), expr.start)
    return bool(m) and m.end() == expr.start


OPENING_TIME_RE = re.compile(r"\s*(?:(?:[Oo]n|[Ll]ater|[Ee]arly|[Ll]ate|[Bb]y|[Ii]n|[Tt]his|[Ll]ast)\s+)?$")


# "the security situation in Afghanistan", "troops in Ladakh": a place that qualifies a noun of what
# was discussed, not where the event was.
TOPIC_PLACE_RE = re.compile(
    r"\b(?:situations?|crisis|crises|conflicts?|wars?|peace|stability|security|developments?|issues?|events|elections?|investments?"
    r"|presence|operations?|tensions|violence|attacks?|interests|role|troops|forces|people|citizens|community|projects?"
    r"|ceasefire|fighting|killing|deaths?|prices|markets?|process|plan|settlement|solution|deal|agreement|reforms?"
    r"|growth|cooperation|relations|ties|trade|reconstruction|recovery|aid|assistance|future|intervention|invasion"
    r"|offensive|aggression|occupation|annexation|turmoil|unrest|upheaval|instability|turbulence|insurgency|terrorism"
    r"|transition|takeover|changes|embass(?:y|ies)|consulates?|premises|missions?"
    r"|waves?|outbreaks?|pandemic|epidemic|disasters?|floods?|earthquakes?|cyclones?"
    # ("agreed to disengage along the Line of Actual Control (LAC) in Ladakh")
    r"|stand-?offs?|disputes?|clash(?:es)?|borders?|border\s+areas?|frontiers?|disengagement|(?:actual\s+)?control(?:\s+\((?-i:[A-Z]{2,5})\))?"
    r"|(?:including|especially|particularly|notably))\s+$",  # ("ongoing conflicts around the world, including in Ukraine")
    re.I,
)


# ", when Kishida, Biden and Yoon met in Hiroshima": a clause about another time and place.
OTHER_CLAUSE_RE = re.compile(r",\s*(?:when|after|before|since|whereas|while)\b")


# "Modi's visit to the Gulf nation": a place the report describes rather than names, not where it is set.
DESCRIBED_PLACE_RE = re.compile(r"\b(?:visit|trip|tour|travel\w*)\s+to\s+the\s+(?:[\w-]+\s+){0,2}(?:nation|country|kingdom|island|emirate|republic)\b")
PAST_TRIP_RE = re.compile(r"\b(?:since|(?:his|her|their)\s+(?:last|previous))\s+(?:[\w’'-]+\s+){0,3}?(?:visit|trip|tour|meeting|talks)(?:\s+to)?\s*$", re.I)


# "a recent visit by Al-Sisi to India", "welcomed India's Prime Minister Narendra Modi to Cairo": where the
# visitor went, named after them
VISITOR_TO_RE = re.compile(r"\b(?:(?:visit|trip|tour)\s+(?:by|of)|welcom(?:ed|es|e|ing))\s+[^,;.]{1,80}$", re.I)  # (also "the visit of the delegation to Rome")
# "Stepping up its level of interaction with …,": a phrase opening the sentence, before its subject
OPENING_PARTICIPLE_RE = re.compile(r"\s*(?:[A-Z][A-Za-z .'-]{1,40}:\s+)?(?:[A-Z][a-z]+ing)\b[^,;]{0,200},")  # (after a dateline)
# "the agenda for this year's Summit to be held in September in Xiamen": another occasion, still to come
HELD_LATER_RE = re.compile(r"\b(?:summit|meeting|conference|forum|session)\b[^,;.]{0,40}?\b(?:to\s+be|(?:which\s+|that\s+)?will\s+be)\s+held\b", re.I)
# "Before heading to Russia, the Minister inaugurated …": where they went afterwards, not where this was.
BEFORE_LEAVING_RE = re.compile(
    r"\s*(?:Before|Ahead\s+of|Prior\s+to)\s+(?:heading|leaving|flying|departing|travell?ing|setting\s+off|emplaning)\s+(?:to|for)\b[^,;]{0,80},"
)
MISSION_IN_RE = re.compile(r"\b(?:embassy|embassies|consulate|high\s+commission|correspondent)\s+$", re.I)


def venue_for(masked, ctx, trigger=None):
    other = (OTHER_CLAUSE_RE.search(masked, trigger.end()) or BACKDROP_RE.search(masked, trigger.end())) if trigger else None
    # (nor the place of whoever says so: "…, press secretary Sean Spicer confirmed at the White House briefing")
    other = other or (TRAILING_SPEAKER_RE.search(masked, trigger.end()) if trigger else None)
    asides = [m.span() for m in re.finditer(r"\([^()]*\)", masked)]  # "(2:00 p.m. in Lisbon)"
    if trigger:
        # "Dwivedi, who is on a five-day visit to Nepal, paid a courtesy call on Oli": the clause's place
        # is not where the main clause's event was (a town the report gives says more)
        asides += [a.span() for a in ASIDE_RE.finditer(masked) if not a.start() <= trigger.start() < a.end()]
    if trigger and (setting := _inside_setting_clause(masked, trigger)) is not None:
        asides.append((-1, setting))  # (the rest of the sentence is another event's place)
    elif trigger and (since := SINCE_EVENT_RE.search(masked, 0, trigger.start())):
        # "the first trip … since the October 2024 meeting between Modi and Xi … in Kazan": the place
        # the "since" clause gives that event, not the sentence's other places
        asides.append((-1, since.start()))
    if trigger and (follows := FOLLOWS_RE.search(masked, 0, trigger.start())) and VISIT_RE.search(masked, 0, follows.start()):
        asides.append((-1, follows.end()))  # "X's visit to Egypt follows the visit Y made to New Delhi": where the one it follows went
    if trigger and (coming := COMING_AFTER_RE.search(masked, trigger.end())):
        asides.append((coming.start(), len(masked)))  # "held talks …, during which Yellen announced that she would visit India": where that will be
    if trigger and not VISIT_RE.fullmatch(trigger.group()) and (purpose := PURPOSE_RE.search(masked, trigger.end())):
        asides.append((purpose.start(), len(masked)))  # "met Jaishankar to explore … Muizzu visiting New Delhi": what it was for
    if trigger and (later := HELD_LATER_RE.search(masked, trigger.end())):
        asides.append((later.start(), len(masked)))  # "… for this year's Summit to be held in September in Xiamen": where that will be
    if trigger and (leaving := BEFORE_LEAVING_RE.match(masked)) and leaving.end() <= trigger.start():
        asides.append((-1, leaving.end()))
    if trigger and (before := _what_it_came_before(masked, trigger)):
        asides.append(before)  # "during a meeting ahead of Modi's visit to Vladivostok …, in Moscow": where what it came before is
    if trigger and (since := SINCE_RE.search(masked, trigger.end())):
        # "the first conversation between the two leaders since they met … in Argentina": where the
        # time it is counted from was
        asides.append((since.start(), len(masked)))
    if trigger and (came := FROM_WHERE_RE.search(masked, 0, trigger.start())) and (ref := places.lookup_place(came["place"])):
        return ref
    found = []
    for start, prep, ref in places.place_mentions(masked):
        if other and start > other.start():
            break
        if any(a < start < b for a, b in asides):
            continue
        if prep == "from" or (prep == "in" and TOPIC_PLACE_RE.search(masked[:start])):
            continue
        if prep == "in" and MISSION_IN_RE.search(masked[:start]):
            continue  # "a joint statement put out by the Indian embassy in Beijing": where the embassy is
        if PAST_TRIP_RE.search(masked[: start + len(prep)]):
            continue  # "since his last visit to Beijing": a trip before, not where this was
        if prep in ("in", "at", "held in", "arrived in", "reached", "reaches", "reach", "reaching", "toured") or prep.startswith(("visit", "flew", "flies", "flown", "tour of", "trip of")) or TRAVEL_WORD_RE.search(
            masked[: start + len(prep) + 1]
        ) or (trigger is not None and trigger.start() < start < trigger.end() and re.search(r"\s(?:made|paid)\s+to$", trigger.group())) or (  # ("the visit El-Sisi made to New Delhi")
            prep == "to" and VISITOR_TO_RE.search(masked[:start])
        ):
            found.append((start, ref))
    opener = OPENING_PARTICIPLE_RE.match(masked) if trigger else None
    if opener and opener.end() <= trigger.start() and any(start >= opener.end() for start, _ in found):
        # "Stepping up its interaction with the government in Kabul …, Misri met Muttaqi in Dubai": the
        # main clause's place, not the opening phrase's
        found = [(start, ref) for start, ref in found if start >= opener.end()]
    if trigger and (own := [f for f in found if trigger.start() <= f[0] <= trigger.end() + 1]):
        # "discussed the attack on a hospital in Kyiv on Monday, the day he reached Moscow": the place
        # the event's own words give first
        found = own + [f for f in found if f not in own]
    found = [ref for _, ref in found]
    if found:
        # "On the second day of his visit to Italy, he met … in Rome": the town, within the country.
        first = found[0]
        if first.name == places.country_name(first.country):
            return next((r for r in found[1:] if r.country == first.country and r.name != first.name), first)
        return first
    if places.mentions_national_capital(masked):
        return places.capital_place(ctx.scene.country if ctx.scene else None)
    nation = THE_NATION_RE.match(masked, trigger.end()) if trigger and VISIT_RE.fullmatch(trigger.group()) else None
    fitting = {code for _, _, code in places.find_countries(masked) if places.fits_description(code, nation.group())} if nation else set()
    if len(fitting) == 1:
        # "India and Ethiopia … as Modi paid his first ever visit to the east African nation": the one
        # country the sentence names that fits the words (where the report is set, when it is there)
        [code] = fitting
        return ctx.scene if ctx.scene and ctx.scene.country == code else PlaceRef(places.country_name(code), code)
    return None


# A country a visit goes to, named by what it is: "to the east African nation", "to the island country".
THE_NATION_RE = re.compile(r"\s*the\s+(?:[\w-]+\s+){0,3}(?:nation|country)\b", re.I)


def title_for(kind, participants, venue, masked, group_role=None):
    names = [p.name for p in participants]
    where = f" in {venue.name}" if venue else ""
    if group_role:
        return f"{group_role}s’ meeting{where}"
    if kind == "meeting" and len(names) >= 2:
        return f"{names[0]} meets {' and '.join(names[1:])}{where}"
    if kind == "summit" and len(names) >= 2:
        return f"{' – '.join(names)} summit{where}"
    if kind == "agreement":
        return f"Agreement: {' and '.join(names)}{where}"
    if kind == "visit":
        return f"{names[0]} visits {venue.name}" if venue else f"{names[0]} travels"
    if kind == "statement":
        return f"{names[0]} speaks{where}"
    occasion = re.search(r"\b(?:at|attend|in|during)\s+the\s+((?:[\w’'+-]+\s+){0,6}?(?:meeting|summit|talks|parade|ceremony|dialogue|conference|forum))\b", masked, re.I)
    label = occasion[1] if occasion else {"meeting": "meeting", "other": "event"}.get(kind, kind)
    return f"{' and '.join(names)} at the {label}{where}"


PAIR_PORTFOLIO = r"(?:defen[cs]e|foreign|external\s+affairs|trade|commerce|finance|home|interior|energy|agriculture|health)"
WITH_SIDE_RE = re.compile(r",\s*with\s+[^;]{3,200}?\b(?:representing|accompanying|assisting|present)\b")
PAIR_RE = re.compile(
    rf"\b(?:the\s+two|both(?:\s+the)?)\s+(?:ministers|leaders|counterparts|{PAIR_PORTFOLIO}\s+ministers|prime\s+ministers|heads\s+of\s+state|presidents|sides|parties"
    # ("the two special representatives had a video call on Sunday")
    r"|(?:special\s+|national\s+security\s+)?(?:representatives|envoys|advis[eo]rs|(?-i:NSAs)))\b"
    r"|\b[Tt]he\s+(?:defen[cs]e\s+|(?-i:P)rime\s+)?(?:ministers|leaders|(?-i:M)inisters)\b(?!\s+(?:of|from)\b)"
    r"|\b[Tt]he\s+two\b(?=\s+(?:also\s+)?(?:met|spoke|held|had|have|agreed|signed|discussed|talked|leaders|men|sides)\b)"
    rf"|\b[Tt]heir\b(?=\s+{PAST_MEETING_WORDS})"
    # "Towards these objectives, they concluded a roadmap for US-India Defence Industrial Cooperation"
    r"|\b(?<=,\s)they\b(?=\s+(?:also\s+)?(?:concluded|signed|inked|exchanged)\b)"
    # "Modi and Persad-Bissessar met in Port of Spain on Friday. They signed six MoUs"
    r"|^\s*They\b(?=\s+(?:also\s+)?(?:concluded|signed|inked|exchanged)\b)"
    # "At the end of their talks, both will witness the signing of about twenty agreements"
    r"|(?<=,\s)both\b(?=\s+(?:will|would|also|later|then|have|had|signed|witnessed|agreed|held|met)\b)",
    re.I,
)
# "The meeting took place in Munich on the sidelines of a security conference": where the last event was.
TOOK_PLACE_RE = re.compile(
    # (also as what someone said: "the PMO said that the bilateral meeting took place at … in Sydney")
    # (also "The 23rd meeting of the Special Representatives on the boundary question was held in Beijing")
    r"(?:^\s*|.*?\bsaid\s+that\s+)[Tt]he\s+(?:[\w-]+\s+)?(?:meeting|talks|call|summit|conversation)(?:\s+of\s+[^,;]{1,80}?)?\s+(?:took\s+place|was\s+held|were\s+held|happened)\s+"
    r"(?:(?:on\s+the\s+)?(?:sidelines|margins)\s+of\s+[^.;]{0,120}?\s|at\s+(?:the\s+)?(?:[A-Z][\w’'-]*\s+){1,4})?in\b"  # "… on the sidelines of the ARF meeting in Jakarta", "at the Admiralty House in Sydney"
)
# "The telephonic conversation took place on Monday night": when the event the report just told of was
TOOK_PLACE_WHEN_RE = re.compile(
    r"\s*[Tt]he\s+(?:[\w-]+\s+)?(?:meeting|talks|call|summit|conversation)\s+(?:took\s+place|was\s+held|were\s+held|happened)\s+(?:on|last|this|yesterday|earlier)\b"
)
# "In their talks, they will be joined by the foreign ministers": the people named after it join the pair.
JOINED_BY_RE = re.compile(r"\b(?:they|their\s+\w+)\b[^.;]{0,30}?\b(?:will\s+be|were|are|have\s+been|had\s+been)\s+joined\s+by\b", re.I)
# "India and China had reached an agreement in October": told as before the report's story, by nobody named
PAST_PERFECT_RE = re.compile(r"\bhad\s+(?:\w+\s+)?(?:reached|signed|agreed|concluded|inked|held|struck)\b")
COUNTRY_PAIR_RE = re.compile(r"(?:^|[,;]\s+|\b(?:and|after|then)\s+)(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+and\s+(?:the\s+)?([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?!and\b)(?:[a-z]+\s+){0,2}?(?:signed|agreed|inked|exchanged|issued|adopted|reached|held|released)\b")


def _country_of_pair_word(word):
    """The country a word stands for in "X and Y signed": its name, its people's, or its capital's
    ("Dhaka and New Delhi signed 10 MoUs")."""
    code = places.country_names().get(word) or places.demonyms().get(word)
    if code is None and (ref := places.lookup_place(word)) and places.capital(ref.country) == ref.name:
        code = ref.country
    return code


def _pair_by_countries(masked, ctx):
    """'China and Saudi Arabia signed …': the two countries stand for the two people of the report's
    last two-person event when those are the people of these two countries."""
    m = COUNTRY_PAIR_RE.search(masked)
    if not m or len(ctx.pair) != 2 or re.search(r"\bhad\s+\w+$", m.group()):
        return None  # ("India and China had reached an agreement in October": before, by whoever it was)
    codes = {_country_of_pair_word(m[1]), _country_of_pair_word(m[2])}
    theirs = {p.country for p in ctx.pair}
    if None in codes or len(codes) != 2:
        return None
    # Their countries, or one of them and one person whose country the report does not say.
    return m if theirs == codes or (None in theirs and theirs - {None} <= codes) else None


def _pair_of_the_portfolio(words, ctx):
    """The two people "the two defence ministers" are, when the last pair is not of that office:
    the last pair of it, else the only two holders of it the report names (of two countries)."""
    if not re.search(rf"(?i){PAIR_PORTFOLIO}\s+ministers", words):
        return None
    family = people.role_family(words)
    of_it = lambda group: all(people.role_family(p.role) == family for p in group)
    if len(ctx.pair) == 2 and of_it(ctx.pair):
        return None
    if pair := next((p for p in reversed(ctx.pairs) if of_it(p)), None):
        return pair
    holders = [p for p in ctx.registry.people if p.role and people.role_family(p.role) == family]
    return holders if len(holders) == 2 and holders[0].country != holders[1].country else None


def with_the_pair(masked, mentions, base, ctx):
    """'The two ministers signed an agreement', 'China and Saudi Arabia signed…': the two people of
    the report's last two-person event, when the sentence names nobody else; when it names one of
    them ("After talks with Mitsotakis, the two leaders will…"), the last pair that person was of.
    "In their talks, they will be joined by A and B": the pair, and A and B."""
    m = PAIR_RE.search(masked) or _pair_by_countries(masked, ctx)
    joined = JOINED_BY_RE.search(masked)
    if joined and len(ctx.pair) == 2 and mentions and all(x.start - base > joined.start() for x in mentions):
        found = [people.Mention(base + joined.start(), base + joined.end(), person, "group") for person in ctx.pair]
        return sorted(mentions + [f for f in found if all(f.person is not x.person for x in mentions)], key=lambda x: x.start)
    named = {id(x.person) for x in mentions}
    if m and not named and (office := _pair_of_the_portfolio(m.group(), ctx)):
        # "The two defence ministers discussed …" after the foreign ministers' talks: the two of
        # that office, though they were of no event together
        return sorted(mentions + [people.Mention(base + m.start(), base + m.end(), person, "group") for person in office], key=lambda x: x.start)
    if m and len(ctx.pair) == 2 and len(named) >= 2 and (with_ := WITH_SIDE_RE.search(masked, m.end())) and all(x.start - base > with_.start() for x in mentions):
        # "The two leaders held delegation-level talks, with Jaishankar, Misri and other senior officials
        # representing the Indian side": the pair, and those with them
        found = [people.Mention(base + m.start(), base + m.end(), person, "group") for person in ctx.pair]
        return sorted(mentions + [f for f in found if all(f.person is not x.person for x in mentions)], key=lambda x: x.start)
    if not m or len(ctx.pair) != 2 or len(named) >= 2:
        return mentions
    pair = next((p for p in reversed(ctx.pairs) if named <= {id(x) for x in p}), None)
    if pair is None and len(named) == 1:
        # "During consultations with Deputy Foreign Minister Morgulov, the two sides reviewed …", after
        # a call on the Foreign Minister: the one named and whoever of the pair is of the other side
        [one] = [x.person for x in mentions][:1]
        other = [p for p in ctx.pair if one.country and p.country != one.country]
        pair = [other[0], one] if len(other) == 1 else ctx.pair
    pair = pair or ctx.pair
    lead = next((p for p in ctx.pairs if {id(x) for x in p} == ctx.narrative_people), None)
    if lead and not named and pair is not lead and re.search(r"\bministers\b", m.group(), re.I) and not all(
        "minister" in (x.role or "").lower() and "prime" not in (x.role or "").lower() for x in pair
    ):
        # "signed in the presence of the two Ministers" after a call on a prime minister: the lead's ministers
        pair = lead
    heads = lambda group: all(people.role_family(x.role) in people.HEADS for x in group)
    if not named and re.search(r"\bleaders\b", m.group(), re.I) and not heads(pair):
        # "The two leaders also welcomed the signing of four documents" after the ministers' meeting of
        # another time: the lead's heads of state or government, else the last pair of them
        pair = lead if lead and heads(lead) else next((p for p in reversed(ctx.pairs) if heads(p)), pair)
    found = [people.Mention(base + m.start(), base + m.end(), person, "group") for person in pair]
    return sorted(mentions + [f for f in found if all(f.person is not x.person for x in mentions)], key=lambda x: x.start)


# "spoke to Putin over the phone", "held talks via video link": a call, the means told after the verb.
CALL_AFTER_RE = re.compile(
    r"[^,;.]{0,60}?\b(?:over\s+the\s+(?:tele)?phone|by\s+(?:tele)?phone|via\s+video|by\s+video|in\s+a\s+(?:tele)?phone\s+call|on\s+the\s+phone|virtually)\b", re.I
)


ONLINE_RE = re.compile(r"\b(?:online|virtual|video)\s+(?:[\w-]+\s+)?$", re.I)
ONLINE_OCCASION_RE = re.compile(r"\b(?:during|at|in)\s+(?:an?|the|their)\s+(?:online|virtual|video)\s+(?:[\w-]+\s+)?(?:summit|meeting|conference)\b", re.I)


def _is_call(masked, trigger):
    return bool(CALL_RE.search(trigger.group())) or bool(CALL_AFTER_RE.match(masked, trigger.end()))


def sentence_events(sentence, masked, mentions, ctx):
    """The events one sentence reports, as ExtractedEvents with one span each."""
    base = sentence.start
    if HABITUAL_RE.search(masked):
        return []
    mentions = with_the_pair(masked, mentions, base, ctx)
    kind, trigger = classify(masked, [m.start - base for m in mentions])
    if kind == "agreement" and _in_its_clause(ASPIRATION_RE, masked, trigger):
        return []  # an aim, no signing yet ("are aiming to … sign a CEPA by March 2022")
    if trigger is not None and _negated(masked, trigger):
        if kind == "visit" and CALLED_OFF_RE.match(masked, trigger.end()):
            ctx.called_off |= {id(p) for g in participants_for(kind, trigger, masked, mentions, base, ctx) for p in g}
        return []
    if ctx.called_off and UNREALISED_RE.search(masked):
        # "Doval's trip has been called off … He was scheduled to attend the meeting": not them
        mentions = [m for m in mentions if id(m.person) not in ctx.called_off]
    role, countries = people.group_countries(masked)
    if kind == "meeting" and countries and mentions:
        ctx.groups.append((mentions[0].person, role, countries, sentence))
        if len(unique_people(mentions)) == 1:
            # Talks with the counterparts of several countries whom the sentence does not name: the
            # report may name them next; if it never does, they are meetings of their own (see
            # _meetings_with_unnamed_counterparts).
            when = date_for(masked, trigger, ctx, headline=sentence.is_headline, people=[mentions[0].person])
            ctx.unnamed_counterparts.append((mentions[0].person, role, countries, sentence, when, venue_for(masked, ctx, trigger)))
            stated = when.known and not when.evidence.startswith(REPORT_DATE_EVIDENCE) and not sentence.is_headline
            if stated and not ctx.narrative.known and (ctx.anchor.date is None or _near(when, ctx.anchor.date)):
                # "held separate bilateral meetings with his counterparts from Mexico and Armenia on
                # September 24": the day the report's meetings are told around
                ctx.narrative = when
                ctx.narrative_people = frozenset({id(mentions[0].person)})
                ctx.narrative_countries = frozenset(countries)
            return []
    if kind is None:
        return []
    if kind in ("meeting", "summit") and PROPOSED_HOLDING_RE.search(masked, 0, trigger.end()):
        return []  # "Modi suggested holding a meeting of IBSA foreign ministers": a proposal, no event yet
    if (other := NOT_THE_FIRST_RE.search(masked)) and other.start() <= trigger.start() < other.end():
        return []  # "She noted that it was not the first such meeting between the three ministers": others, untold
    groups = participants_for(kind, trigger, masked, mentions, base, ctx)
    if kind == "visit" and ARRIVING_RE.search(masked, 0, trigger.start()) and (met := MEETING_VERB_RE.search(masked, 0, trigger.start())):
        # "Modi met Nazarbayev soon after arriving here": the one who met arrived
        groups = [[m.person for m in mentions if m.start - base < met.start()][:1]]
    if kind == "visit" and not any(groups) and (talks := MEETING_VERB_RE.search(masked, trigger.end())):
        # "A delegation of seven African countries visited Kiev and held talks with Zelensky": no
        # traveller the report names, but a meeting with someone it does.
        kind, trigger = "meeting", talks
        groups = participants_for(kind, trigger, masked, mentions, base, ctx)
    member_role = people.group_members(masked)
    if kind == "meeting" and member_role and not any(groups):
        protagonist = ctx.registry.protagonist(ctx.text)
        if protagonist and people.role_family(protagonist.role) == people.role_family(member_role):
            groups = [[protagonist]]
    if kind in ("summit", "agreement") and countries:
        # "Biden and the leaders of Japan and South Korea agreed …": the people the report names as
        # holding that office for those countries.
        holders = ctx.registry.holders(role, countries)
        groups = [group + [p for p in holders if all(p is not q for q in group)] for group in groups] if any(groups) else [holders]
    # A call is held nowhere: "speak in phone call … as officials set to visit China".
    call = (kind == "meeting" and _is_call(masked, trigger)) or (
        # "held a virtual summit", "signed a deal during an online summit": held nowhere either
        kind in ("summit", "agreement") and bool(ONLINE_RE.search(masked, 0, trigger.start()) if kind == "summit" else ONLINE_OCCASION_RE.search(masked))
    )
    venue = None if call else venue_for(masked, ctx, trigger)
    guest_first = all(m.start - base < trigger.start() for m in mentions)
    if kind == "meeting" and PASSIVE_RECEPTION_RE.fullmatch(trigger.group()) and (
        (venue is not None and all(len(g) == 1 for g in groups) and guest_first) or AT_ARRIVAL_RE.search(masked)
    ):
        # "The American president was received in July by the governor of Mecca … in Jeddah": with
        # nobody named to have met, the guest's arrival there; "He was received at the airport by the
        # Assistant Minister": the welcome is part of the visit, its host among the visit's people.
        kind = "visit"
        welcome = bool(AT_ARRIVAL_RE.search(masked))
        received_by = {id(m.person) for m in mentions if m.start - base > trigger.start()}
        guests = {p.country for g in groups for p in g if id(p) not in received_by and p.country}
        # ("He was received at Subang Airbase by India's High Commissioner": the guest's own envoy is no host)
        # (nor an envoy, who serves abroad and receives their own country's guests: no host of the place)
        own = {id(m.person) for m in mentions if id(m.person) in received_by and ((m.person.country and m.person.country in guests) or people.is_envoy(m.person.role))}
        groups = [[p for p in g if id(p) not in own] for g in groups]
        hosts = {m.person.country for m in mentions if m.start - base > trigger.start() and m.person.country and id(m.person) not in own}
        if welcome and venue is None and len(hosts) == 1:
            # "was received by Mauritius Prime Minister Pravind Jugnauth … at the airport": in the host's country
            code = hosts.pop()
            venue = PlaceRef(places.country_name(code), code)
    else:
        # ("was accorded a ceremonial welcome": a guest's welcome, part of their visit)
        welcome = kind == "visit" and bool(WELCOME_END_RE.search(trigger.group()))
    if kind == "summit" and venue is not None:
        ctx.summit_venue = venue
    elif kind == "meeting" and venue is None and ctx.summit_venue and AT_THE_SUMMIT_RE.search(masked):
        # "On the sidelines of the summit, Modi will hold a bilateral meeting with Putin": where the
        # summit the report placed is.
        venue = ctx.summit_venue
    signed_at = None
    # "Both nations signed nine agreements", "… were signed between the two countries": the pair's
    unnamed_sides = UNNAMED_SIDES_RE.search(masked, 0, trigger.start()) or UNNAMED_SIDES_RE.match(masked, trigger.end())
    passive = PASSIVE_SIGNING_RE.search(trigger.group()) and not re.match(r"\s+(?:by|between)\b", masked[trigger.end() :])
    if (
        kind == "agreement" and (passive or unnamed_sides)
        and not any(m.start - base < trigger.end() for m in mentions) and not any(len(g) >= 2 for g in groups)
    ):
        # "Netanyahu held a working meeting with Modi in Jerusalem. Seven agreements were signed": at
        # the meeting the paragraph told of, by its two people (or, of "the two countries", the
        # report's last meeting of two)
        meetings = [e for e in ctx.paragraph_events if e.kind == "meeting" and len(e.participants) == 2]
        signed_at = meetings[-1] if meetings else (ctx.pair_meeting if unnamed_sides else None)
        groups = [list(signed_at.participants)] if signed_at else groups
        venue = venue or (signed_at.venue if signed_at else None)
    date = date_for(masked, trigger, ctx, headline=sentence.is_headline, people=[p for g in groups for p in g], venue=venue)
    if signed_at and date.known and date.evidence.startswith("“") and _another_time(date, signed_at):
        # "The two countries inked a defence agreement in 2018 during Modi's visit": another time, not the pair's
        groups, venue, signed_at = [[]], None, None
        date = date_for(masked, trigger, ctx, headline=sentence.is_headline, people=[], venue=venue)
    if signed_at and (not date.known or date.evidence.startswith((LEAD_EVIDENCE, REPORT_DATE_EVIDENCE))):
        date = signed_at.date
    paired = {id(m.person) for m in mentions if m.how == "group"}
    if kind == "agreement" and paired and date.evidence.startswith("“") and ctx.pair_meeting and _another_time(date, ctx.pair_meeting):
        # ("The two countries inked a defence agreement in 2018", in a report of their ministers' talks
        # of 2020: the countries' agreement of another time, not the pair's)
        groups = [[p for p in g if id(p) not in paired] for g in groups]
    if kind == "visit":
        date = _days_of_the_visit(masked, trigger, date)
    if PROGRAMME_RE.match(trigger.group()) and not date.evidence.startswith("“"):
        # ("the program included meetings with …": the visit summed up, on days the sentence does not give)
        date = DateValue(evidence="a visit's programme the report sums up, which gives no day for it")
    if date.known and (EARLIER_SAME_DAY_RE.match(masked) or (kind == "meeting" and BEFORE_THE_MEETING_RE.match(masked))):
        # ("Before the Joint Commission Meeting, Swaraj had a separate meeting with Pandey": another occasion)
        date = replace(date, evidence=f"{EARLIER_SAME_DAY_EVIDENCE}: {date.evidence}")

    if kind == "meeting" and date.evidence.startswith(SEVERAL_EVIDENCE) and len(groups) == 1 and len(groups[0]) == 1:
        # "The summit was attended by A, B and C. During their meetings or talks with Xi, the leaders …":
        # Xi's meeting with each of the people the report has just named together.
        host = groups[0][0]
        others = [p for p in ctx.last_group if p is not host]
        if len(others) >= 2 and re.search(r"\bthe\s+(?:leaders|presidents|heads\s+of\s+state|ministers|premiers)\b", masked, re.I):
            groups = [[host, other] for other in others]
    dates = [date] * len(groups)
    if kind == "meeting" and len(groups) == 1:
        groups, dates = _meetings_by_segment(masked, trigger, mentions, base, ctx, groups, date)
    topics = tag(sentence.text, ctx.topics)
    in_full = {id(m.person) for m in mentions if m.how == "named" and len(name_parts_full(m, ctx.text)) >= 2}
    out = []
    for group, when in zip(groups, dates):
        if not group:
            continue
        if kind in ("meeting", "agreement", "summit") and len(group) < 2 and not _allows_single(kind, trigger, masked, member_role):
            continue

        place = venue or ctx.scene  # (a visit the sentence places nowhere is where the report is set)
        at_home = lambda p: place and p.country == place.country and id(p) not in ctx.registry.inferred
        if kind == "visit" and place and all(at_home(p) for p in group) and re.match(r"(?:during|on)\s", trigger.group(), re.I):
            # "Jaishankar held talks with Wadephul during his first official visit to India": "his" is
            # the one of the two who is not at home
            guests = [m.person for m in mentions if m.start - base < trigger.start() and m.person.country and not at_home(m.person)]
            group = guests[:1] or group
        if kind == "visit" and place and all(at_home(p) for p in group):
            # "thanked Putin for the invitation to visit Russia", "Nepalese Prime Minister Oli has reached
            # Janaki temple": nobody visits their own country
            continue
        out.append(
            ExtractedEvent(
                kind=kind,
                title=title_for(kind, group, venue, masked, member_role if len(group) == 1 and member_role else None),
                spans=[Span(sentence.start, sentence.end)],
                date=when,
                participants=list(group),
                venue=venue,
                countries=_countries(group, venue),
                topics=topics,
                names_in_full=any(id(p) in in_full for p in group),
                # A call has no venue; an unknown place is no reason to guess one.
                placed_elsewhere=venue is None
                and (
                    places.names_an_unknown_place(masked) or call or bool(DESCRIBED_PLACE_RE.search(masked))
                    # (but "Before meeting Xi, Lula spoke with Li Qiang": in person, where the day is set)
                    or bool(REMOTE_RE.search(trigger.group()) and not MEETING_OPENER_RE.match(masked))
                ),
                remote=call,
                welcome=welcome,
            )
        )
    passive_topic = DISCUSSED_RE.fullmatch(trigger.group()) and re.search(r"\b(?:was|were|been|being)\s+(?:also\s+)?$", masked[: trigger.start()])
    if (
        kind in ("meeting", "summit", "agreement") and not out and not (mentions and PROPOSED_RE.search(masked[: trigger.start()])) and not PAST_PERFECT_RE.search(masked)
        and not passive_topic  # ("The premises of the Embassies of X in India were also discussed": what the talks were about)
    ):
        # "India and France signed a roadmap during Modi's visit": the countries, and whom it names of
        # them (but "Petro proposed a meeting between Colombia, Brazil…" is no meeting yet).
        named = [m.person for m in mentions if m.person.role != people.SPOUSE]
        out += _meeting_of_countries(kind, trigger, masked, sentence, date, venue, topics, ctx, named)
    if kind in ("summit", "agreement") and not out and not mentions:
        out += _named_summit(kind, masked, sentence, date, venue, topics)
    _the_occasion(kind, trigger, masked, out, date, venue, ctx, sentence)
    if kind == "visit" and out:
        out += _meeting_on_a_visit(masked, mentions, trigger, out[0], base, ctx) + _host_meets_guest(masked, mentions, base, trigger, out[0])
        out += _visit_it_left(masked, trigger, out[0])
        out += _occasion_of_the_visit(masked, trigger, out[0], ctx) + _visits_to_the_other_countries(masked, trigger, out[0], ctx)
    if kind == "agreement" and out:
        out += _occasion_of_agreement(masked, trigger, out[0]) + _visit_of_agreement(masked, trigger, mentions, base, ctx, out[0]) + _arrival_before_agreement(masked, trigger, mentions, base, ctx, out[0])
        out += _visit_the_agreement_came_with(sentence, masked, trigger, mentions, ctx)
    if kind in ("summit", "meeting") and out:
        out += _trip_to_the_meeting(masked, mentions, base, ctx, out[0]) + _stay_of_the_meeting(masked, mentions, base, ctx, out)
    # (told last: the sentence's pair and lead stay its main clause's)
    opened = _meeting_of_the_opener(masked, mentions, base, trigger, out[0]) if kind == "meeting" and out else []
    if out:
        out += _meeting_of_the_when_clause(sentence, masked, mentions, trigger, ctx, out[0])
        out += _meeting_of_the_who_clause(sentence, masked, mentions, trigger, ctx, out[0])
        out += _meeting_of_the_since_clause(sentence, masked, trigger, ctx, out[0])
    out += _recalled_visits(sentence, masked, mentions, ctx, out) + _the_first_time(masked, ctx, out)
    if kind == "summit" and out:
        out += _the_other_summit(masked, trigger, ctx, out[0])
    if out and kind in ("meeting", "summit", "visit"):
        out += _later_occasion(masked, out[0])
    reception = MET_ON_ARRIVAL_RE.search(masked)
    guests = [m.person for m in mentions if reception and m.start - base < reception.start()]
    arrival = ON_ARRIVAL_OPENER_RE.match(masked)
    if arrival and not guests:
        # "After arriving in Delhi, President Dissanayake also met …": the subject, on the day they arrived
        reception = arrival
        guests = [m.person for m in mentions if m.start - base >= arrival.end()][:1]
    if (kind == "meeting" or arrival) and reception and guests:
        ctx.receptions += [
            (e, guests[-1]) for e in out
            if e.kind == "meeting" and any(p is guests[-1] for p in e.participants)
            and (not e.date.known or e.date.evidence.startswith((LEAD_EVIDENCE, PARAGRAPH_EVIDENCE, REPORT_DATE_EVIDENCE)))
        ]
    two = [e for e in out if len(e.participants) == 2]
    if two:
        ctx.pair = list(two[-1].participants)
        ctx.pairs.append(ctx.pair)
        ctx.pair_meeting = next((e for e in reversed(two) if e.kind == "meeting"), ctx.pair_meeting)
    if out:
        ctx.last_group = max((e.participants for e in out), key=len)
    recent = ctx.anchor.date is None or not date.known or _near(date, ctx.anchor.date)
    stated = not date.evidence.startswith(REPORT_DATE_EVIDENCE) or date.evidence.startswith(SOURCE_DAY_EVIDENCE)
    # "X and Y discussed … in a meeting, PTI reported on Thursday. The two met on Monday.": the day
    # the lead happened, once the report says it, instead of the day its source told of it.
    restated = (
        ctx.narrative.evidence.startswith(SOURCE_DAY_EVIDENCE)
        and not date.evidence.startswith(REPORT_DATE_EVIDENCE)
        and bool({id(p) for e in out for p in e.participants} & ctx.narrative_people)
    )
    # "Modi held bilateral talks with various heads of state on Friday": no event without a second
    # person, but the day the report's meetings are told around.
    talks_of_one = not out and kind == "meeting" and len(unique_people(mentions)) == 1
    # ("… comes as Belarus moves closer to SCO membership following the signing of its Memorandum … in
    # 2023": what something followed is no lead)
    followed = re.search(r"\b(?:following|after|since)\s+the\s+$", masked[: trigger.start()]) is not None
    if (out or talks_of_one) and date.known and recent and (not ctx.narrative.known or restated) and stated and not followed:
        # The lead's date: what the rest of the story is told around (a flashback a month before
        # the report is no lead).
        # (the lead's day, whichever occasion of that day it was: "earlier today" says nothing of others)
        mark = _occasion_mark(date)
        ctx.narrative = replace(date, evidence=date.evidence[len(mark) + 2 :]) if mark else date
        ctx.narrative_people = frozenset({id(mentions[0].person)}) if talks_of_one else frozenset(id(p) for e in out for p in e.participants)
        ctx.narrative_countries = frozenset(c for e in out for c in e.countries)
        ctx.narrative_venue = out[0].venue if out else venue
        # ("Yesterday, August 11th, the President concluded her visit to Timor-Leste": the last of its days)
        ctx.narrative_ended = bool(out) and out[0].kind == "visit" and bool(ENDED_VISIT_RE.search(masked))
    if out and not ctx.told and not date.known and date.evidence.startswith(EARLIER_EVIDENCE):
        ctx.lead_before = frozenset(id(p) for e in out for p in e.participants)
    ctx.told = ctx.told or bool(out)
    return out + opened




def _later_occasion(masked, event):
    """"Biden met Xi in Woodside on Wednesday before going to the APEC Summit": the summit its people
    go on to is an event of its own, after this one, on a day the sentence does not give, and where
    the report is set (as any event a sentence places nowhere), not at the meeting's venue."""
    later = LATER_OCCASION_RE.search(masked)
    if later is None:
        return []
    date = DateValue(evidence=f"{LATER_EVIDENCE} (“{later.group()}”), after {event.date.iso() or 'this report'}, on a day it does not give")
    return [_at_the_occasion(event, later, date, None, sorted({p.country for p in event.participants if p.country}))]


def _at_the_occasion(event, occasion, date, venue, countries):
    """The summit or meeting an event's people went on to or came for, named by `occasion` (a match
    whose groups 1 and 2 are its name and its noun): an event of its own, with those people."""
    kind = "summit" if occasion[2].lower() == "summit" else "meeting"
    return ExtractedEvent(
        kind=kind, title=f"{' and '.join(p.name for p in event.participants)} at the {occasion[1]}{occasion[2]}".strip(),
        spans=list(event.spans), date=date, participants=list(event.participants), venue=venue, countries=countries,
        topics=event.topics, names_in_full=event.names_in_full,
    )


# "arrived in Riyadh to attend the first India–GCC Foreign Ministers' Meeting, which will be held on Monday"
VISIT_OCCASION_RE = re.compile(
    r"\b(?:to\s+attend|to\s+participate\s+in|to\s+take\s+part\s+in|for|where\s+(?:he|she|they)\s+will\s+attend)\s+(?:the|this\s+year['’]s)\s+"
    r"((?:[\w()’'+&–,-]+\s+){0,10}?)(Summit|Meeting|Conference|Dialogue|Forum)\b"
)
OCCASION_HELD_RE = re.compile(r"[^.;]{0,20}?,?\s*(?:which|that)\s+(?:will\s+be|is\s+being|is\s+to\s+be|was)\s+held\b")


def _occasion_of_the_visit(masked, trigger, visit, ctx):
    """The named meeting or summit a trip was for ("arrived in Riyadh to attend the first India–GCC
    Foreign Ministers' Meeting, which will be held on Monday"): an event of its own, with the traveller,
    where the trip went, on the day the sentence says it is held (else on a day it does not give)."""
    occasion = VISIT_OCCASION_RE.search(masked, trigger.end())
    if occasion is None or not re.search(r"[A-Z]", occasion[1]):
        return []  # (a named one: "the SCO Summit", not "the meeting")
    held = OCCASION_HELD_RE.match(masked, occasion.end())
    when = [e for e in _stated_times(masked, held) if e.start >= held.end()] if held else []
    coming = bool(re.search(r"\b(?:will|is\s+to)\b", held.group())) if held else None
    date = dates.resolve(when[0], masked, ctx.anchor, future=coming) if when else DateValue(
        evidence=f"the occasion a trip was for (“{occasion.group()}”), on a day the report does not give"
    )
    return [_at_the_occasion(visit, occasion, date, visit.venue, list(visit.countries))]


def _the_occasion(kind, trigger, masked, out, date, venue, ctx, trigger_sentence):
    """Record a summit the report dates and places without naming anyone at it ("The China-Central
    Asia Summit will be held on May 18-19 in Xi'an"), within a week of the report ("the second of its
    kind after an inaugural one held in 2019 in Sochi" is history): `_date_by_the_occasion` dates and
    places by it the summit people attend."""
    if kind != "summit" or any(e.participants for e in out):
        return
    recent = ctx.anchor.date is None or (date.known and _near(date, ctx.anchor.date))
    if _stated_times(masked, trigger) and date.known and venue is not None and recent:
        ctx.occasions.append((date, venue, Span(trigger_sentence.start, trigger_sentence.end)))


# "Xi’an has been chosen to host the first in-person gathering among heads of state", "Tokyo will host
# the Quad summit": the town where the report's summit is.
HOST_PLACE_RE = re.compile(
    r"\b([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?)\s+(?:has\s+been\s+(?:chosen|selected)\s+to\s+host|will\s+host|is\s+(?:set|due|scheduled)\s+to\s+host"
    r"|is\s+hosting|hosted|hosts)\s+(?:the\s+|a\s+)?(?:[\w’'-]+\s+){0,10}?(?:summit|gathering|meeting|talks|conference)\b"
)


def _place_by_the_host(events, masked_text):
    """Summits no sentence places are where the report says one town hosts one."""
    hosts = [places.lookup_place(m[1]) for m in HOST_PLACE_RE.finditer(masked_text)]
    towns = {ref.name: ref for ref in hosts if ref and ref.name != places.country_name(ref.country)}
    if len(towns) != 1:
        return
    [town] = towns.values()
    for event in events:
        if event.kind == "summit" and event.venue is None and not event.placed_elsewhere:
            event.venue, event.venue_stated = town, True
            event.countries = _countries(event.participants, town)


# "He was met by the Governor …": a guest received on arrival
MET_ON_ARRIVAL_RE = re.compile(r"\b(?:was|were)\s+(?:warmly\s+)?(?:met|received|welcomed|greeted)\s+(?:[\w-]+\s+){0,3}?by\b", re.I)


# ("Just shortly upon arrival, Goyal met with …")
ON_ARRIVAL_OPENER_RE = re.compile(r"\s*(?:Just\s+)?(?:(?:Soon|Shortly|Right|(?<=Just\s)(?:soon|shortly|right))\s+(?:after|upon|on)|After|Upon|On)\s+(?:(?:his|her|their)\s+)?arriv(?:ing|al)\b[^,;]{0,60},")


# (not "returned home after wrapping up her visit": the return is the day's event)
ENDED_VISIT_RE = re.compile(r"(?<!\bafter\s)\b(?:conclud(?:ed|es|ing)|wrap(?:ped|ping|s)?\s+up|end(?:ed|ing|s)|wound\s+up|winding\s+up)\s+(?:[\w-]+\s+){0,3}(?:visit|trip|tour)\b", re.I)


def _date_by_the_arrival(events, ctx):
    """"He was met by the Governor … Kim Jong-un arrived in Russia on September 12": a guest the
    report has received without a day of its own was received the day the report says they arrived
    (when it gives one such day)."""
    for event, guest in ctx.receptions:
        if event.date.known and not event.date.evidence.startswith((LEAD_EVIDENCE, PARAGRAPH_EVIDENCE, REPORT_DATE_EVIDENCE)):
            continue  # (a day of its own stands; the lead's day, the paragraph's month or the report's day yield to the arrival's)
        days = {
            (e.date.date, e.date.evidence) for e in events
            if e.kind == "visit" and any(p is guest for p in e.participants) and e.date.precision == "day" and e.date.evidence.startswith("“")
            # (not the day a visit ended: "Yesterday, August 11th, the President concluded her visit")
            and not any(ENDED_VISIT_RE.search(ctx.text, sp.start, sp.end) for sp in e.spans)
        }
        if len({d for d, _ in days}) != 1:
            continue
        day, evidence = min(days)
        event.date = DateValue(day, "day", f"the day {guest.name} arrived, as the report dates it: {evidence}")


def _with_ones_own_envoy(event):
    """"The President addressed a reception hosted by Anita Nayar, Ambassador of India to Chile": a
    leader with their own country's envoy abroad, no meeting between countries."""
    countries = {p.country for p in event.participants}
    return (
        event.kind == "meeting" and len(event.participants) >= 2 and len(countries) == 1 and None not in countries
        and any(people.is_envoy(p.role) for p in event.participants)
    )


def _travellers_are_not_at_home(events, ctx):
    """"Qingdao: Rajnath Singh met his Russian counterpart … Rajnath Singh arrived in China's Qingdao":
    a country the document's dateline gave someone (people.infer_home_countries) is not theirs when
    the report has them travel to it; nobody visits their own country."""
    travellers = {
        id(p) for e in events if e.kind == "visit" and e.venue and e.venue.country
        for p in e.participants if id(p) in ctx.registry.inferred and p.country == e.venue.country
    }
    if not travellers:
        return
    for person in ctx.registry.people:
        if id(person) in travellers:
            person.country = None
    for event in events:
        if any(id(p) in travellers for p in event.participants):
            event.countries = _countries(event.participants, event.venue)


def _date_by_the_occasion(events, ctx):
    """"Ramaphosa has arrived in St. Petersburg for the Russia-Africa Summit … The second Russia-Africa
    Summit will be held in St. Petersburg on July 27-28": a summit the report dates only by its own
    day (or its lead's) is the one summit it dates and places, at that place, later in the text too."""
    if len({(when.iso(), when.end, where.name) for when, where, _ in ctx.occasions}) != 1:
        return
    when, where, span = ctx.occasions[0]
    dated = False
    for event in events:
        # (also one still to come that it gives no day: "Jaishankar will lead the Indian delegation to
        # Astana for the summit")
        if event.kind != "summit" or not event.date.evidence.startswith((REPORT_DATE_EVIDENCE, LEAD_EVIDENCE, COMING_EVIDENCE, PLANNED_EVIDENCE)):
            continue
        if event.venue is not None and event.venue.country != where.country:
            continue
        event.date = DateValue(when.date, when.precision, f"the date the report gives the summit: {when.evidence}", end=when.end)
        event.spans = sorted({*event.spans, span}, key=lambda sp: (sp.start, sp.end))
        dated = True
        if event.venue is None:
            event.venue, event.venue_stated = where, True
            event.countries = _countries(event.participants, where)
    if dated:
        # (the occasion's own sentence, a summit of nobody named, is the summit of those who attend it)
        events[:] = [e for e in events if not (e.kind == "summit" and not e.participants and e.spans == [span])]


# "left for Malaysia … after a three-day visit to Japan": the visit the departure ended
LEFT_AFTER_VISIT_RE = re.compile(
    r"\bafter\s+(?:a|an|his|her|their)\s+(?:(?P<n>two|three|four|five|six|seven|[2-7])-day\s+)?(?:[\w-]+\s+){0,2}?(?:visit|trip|stay)\s+(?:to|in)\s+", re.I
)
DEPARTURE_RE = re.compile(r"\b(?:left|leaves|departed|departs|set\s+off|emplaned|flew|flies)\b", re.I)


def _visit_it_left(masked, trigger, departure):
    """"Singh today left for Malaysia … after a three-day visit to Japan": the visit to Japan, of the
    same traveller, ending the day of the departure (from its first day, when the sentence says how long)."""
    if not DEPARTURE_RE.match(trigger.group()):
        return []
    after = LEFT_AFTER_VISIT_RE.search(masked, trigger.end())
    where = next((ref for start, _, ref in places.place_mentions(masked) if start >= after.start()), None) if after else None
    if where is None or (departure.venue and where.country == departure.venue.country):
        return []
    date = DateValue(evidence=f"the report gives no date for it (“{after.group().strip()}”)")
    days = dates.count_of(after["n"].lower()) if after["n"] else None
    if departure.date.known and departure.date.precision == "day":
        last = departure.date.date
        if days:
            first = last - datetime.timedelta(days=days - 1)
            date = DateValue(first, "day", f"the {after['n']}-day visit that ended with the departure {departure.date.evidence}", end=last)
        else:
            date = DateValue(last, "day", f"the last day of the visit, that of the departure: {departure.date.evidence}")
    return [
        ExtractedEvent(
            kind="visit", title=title_for("visit", departure.participants, where, masked), spans=list(departure.spans), date=date,
            participants=list(departure.participants), venue=where, countries=_countries(departure.participants, where),
            topics=departure.topics, names_in_full=departure.names_in_full,
        )
    ]


# "concluded his two-day visit to Indonesia on Saturday", "arrived in Hanoi on a three-day visit"
N_DAY_VISIT_RE = re.compile(r"\b(two|three|four|five|six|seven|[2-7])-day\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|tour)\b", re.I)
VISIT_ENDS_RE = re.compile(r"\b(?:concluded|concludes|wrapped\s+up|wraps\s+up|ended|ends|completed|completes)\b", re.I)
VISIT_BEGINS_RE = re.compile(
    r"\b(?:arrived|arrives|arrive|landed|lands|land|reached|reaches|reach|touched\s+down|touches\s+down|began|begins|begin"
    r"|embarked|embarks|embark|started|starts|start)\b", re.I
)


NTH_DAY_RE = re.compile(r"\b(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\s+day\s+of\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?(?:visit|trip|tour|meetings|talks)\b", re.I)
ORDINALS = {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5, "6th": 6}


def _since_the_first_day(date, ordinal, what):
    """The run of days that ends on a day that is its "second" (third, …) day."""
    n = ORDINALS[ordinal.lower()]
    first = date.date - datetime.timedelta(days=n - 1)
    return DateValue(first, "day", f"{date.evidence}, the {ordinal.lower()} day of the {what}", date.weekday, end=date.date)


# Between two countries a visit goes to: "and", a comma, and the first one's own time ("Djibouti on
# October 3 and Ethiopia from October 4 to 6").
# (also "visited Slovakia from June 2 to 4 and later moved to the Czech Republic on June 4")
# (and a short form after a country's name: "United Arab Emirates (UAE) and Saudi Arabia")
COUNTRY_LIST_GAP_RE = re.compile(
    r"(?:\s*\([A-Z][\w.]{0,10}\))?(?:\s+(?:on|from|in|between)\s+[^,;]{1,30}?)?\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:then\s+|later\s+|also\s+)?"
    r"(?:(?:moved|went|proceeded|travell?ed|headed|flew)\s+(?:on\s+)?to\s+)?(?:the\s+)?$"
)


def _visits_to_the_other_countries(masked, trigger, visit, ctx):
    """"He will also visit Senegal and Qatar", "would first visit Djibouti on October 3 and Ethiopia
    from October 4 to 6": a visit to each country of the list the verb takes (the first is the
    sentence's visit), each at its own time when the list gives one; else undated, as the first is
    when it is, or on a day of the whole tour the sentence does not say ("would visit Peru and Chile
    from October 3 to 6")."""
    if visit.venue is None or not visit.participants:
        return []
    found = []
    for c in places.find_countries(masked):
        if c[0] >= trigger.end() and not (found and found[-1][2] == c[2] and re.fullmatch(r"\s*\(", masked[found[-1][1] : c[0]])):
            found.append(c)  # (a country's short form after its name is no other country: "United Arab Emirates (UAE)")
    if not found or found[0][2] != visit.venue.country:
        return []
    times = dates.event_times(masked)
    # (when the first country has no time of its own, a time after the list is the whole tour's:
    # "would visit Peru and Chile from October 3 to 6")
    each = len(found) > 1 and any(found[0][1] <= e.start < found[1][0] for e in times)
    out, previous = [], found[0]
    for n, country in enumerate(found[1:], start=1):
        if not COUNTRY_LIST_GAP_RE.fullmatch(masked[previous[1] : country[0]]) or country[2] in {e.venue.country for e in out} | {visit.venue.country}:
            break
        end = found[n + 1][0] if n + 1 < len(found) else len(masked)
        own = [e for e in times if country[1] <= e.start < end] if each else []
        date = dates.resolve(own[0], masked, ctx.anchor) if own else DateValue()
        if not date.known:
            date = _a_leg_of_the_tour(visit.date)
        place = PlaceRef(places.country_name(country[2]), country[2])
        out.append(_another_occasion(
            visit, venue=place, date=date, countries=_countries(visit.participants, place),
            title=title_for("visit", visit.participants, place, masked),
        ))
        previous = country
    return out


def _a_leg_of_the_tour(tour):
    """The date of one country of a tour the report dates as a whole: its month or year ("trip to
    Bahrain and UAE in November"; "from December 9 to 14" is December), as no day is given; a tour
    dated by its first day alone ("left on Tuesday for a six-day tour") may run into the next month."""
    if not tour.known:
        return tour
    evidence = f"one of the countries of a tour the report dates as a whole ({tour.evidence})"
    last = tour.end
    if tour.precision == "day" and last and (tour.date.year, tour.date.month) == (last.year, last.month):
        return DateValue(tour.date.replace(day=1), "month", evidence)
    if tour.precision in ("month", "year") and not tour.end:
        return DateValue(tour.date, tour.precision, evidence)
    return DateValue(evidence=evidence)


def _days_of_the_visit(masked, trigger, date):
    """A visit of a number of days that the sentence ends or begins on a day it gives is a run of
    days: "concluded his two-day visit on Saturday" (Friday and Saturday), "arrived on Monday on a
    three-day visit" (Monday to Wednesday); "in China for his second day of meetings" on Monday began
    on Sunday."""
    nth = NTH_DAY_RE.search(masked)
    if nth and date.known and date.precision == "day" and not date.end and not date.evidence.startswith(REPORT_DATE_EVIDENCE):
        return _since_the_first_day(date, nth[1], "visit")
    days = N_DAY_VISIT_RE.search(masked)
    if not days or not date.known or date.precision != "day" or date.end or date.evidence.startswith((REPORT_DATE_EVIDENCE, LEAD_EVIDENCE)):
        return date
    word = days[1].lower()
    n = dates.count_of(word)
    verb = masked[max(0, trigger.start() - 40) : trigger.end() + 5]
    if VISIT_ENDS_RE.search(verb):
        first, last = date.date - datetime.timedelta(days=n - 1), date.date
    elif VISIT_BEGINS_RE.search(verb) or VISIT_FROM_DAY_RE.search(masked):
        # (also "a three-day visit to the United States from June 21": it begins that day)
        first, last = date.date, date.date + datetime.timedelta(days=n - 1)
    else:
        return date
    return DateValue(first, "day", f"{date.evidence}, the {'last' if last == date.date else 'first'} of “{days.group()}”", date.weekday, end=last)


# "called on President Joko Widodo and held talks with his counterpart Retno Marsudi": a second
# meeting verb with its own object.
AND_VERB_WITH_RE = re.compile(
    # ("… and is also likely to hold talks with National Security Adviser Doval")
    r",?\s+and\s+(?:(?:is|are|was|were)\s+(?:also\s+)?(?:likely|expected|scheduled|set|due)\s+to\s+)?(?:also\s+|later\s+|then\s+)?"
    r"(?:held|had|hold|have)\s+(?:[\w-]+\s+){0,2}?(?:talks|meetings?|discussions)\s+with\b"
    r"|,?\s+and\s+(?:(?:is|are|was|were)\s+(?:also\s+)?(?:likely|expected|scheduled|set|due)\s+to\s+)?(?:also\s+|later\s+|then\s+)?"
    r"(?:met|meets?|call(?:ed|s)?\s+(?:on|upon))\b"  # ("will call on Modi and meet Doval")
)
# "met with China's top diplomat earlier on Monday and with Foreign Minister Qin Gang on Sunday"
AND_WITH_RE = re.compile(r",?\s+and\s+(?:also\s+|later\s+|then\s+)?with\b")


def _meetings_by_segment(masked, trigger, mentions, base, ctx, groups, date):
    """A meeting verb with several "and with …" objects, each with its own time, reports one meeting
    per object: the subject with the people of each part, dated by that part's own expression."""
    verbs = [m.start() for m in AND_VERB_WITH_RE.finditer(masked, trigger.end())]
    cuts = sorted([m.start() for m in AND_WITH_RE.finditer(masked, trigger.end())] + verbs)
    if not cuts:
        return groups, [date]
    bounds = list(zip([trigger.end(), *cuts], [*cuts, len(masked)]))
    subject = [m.person for m in mentions if m.start - base < trigger.start()]
    out_groups, out_dates = [], []
    for start, end in bounds:
        part = masked[start:end]
        said = dates.event_times(part)
        if not said and not verbs:
            continue
        people_here = [m.person for m in mentions if start <= m.start - base < end]
        if not people_here and start != trigger.end():
            continue  # "talks with Modi on Tuesday, both one-on-one and with delegations, an official said on Monday"
        # "called on Widodo and held talks with Marsudi": each verb's own meeting, on the sentence's day
        value = dates.resolve(said[0], masked[:start] + part, ctx.anchor) if said else date
        out_groups.append(unique_people([people.Mention(0, 0, p, "named") for p in subject + people_here]))
        out_dates.append(value)
    if len(out_groups) < 2:
        return groups, [date]
    return out_groups, out_dates


def _occasion_of_agreement(masked, trigger, agreement):
    """"Signed the declaration during their meeting in Athens": the meeting (or summit) the agreement
    was signed at is an event of its own, of the same people, day and place."""
    summit = SUMMIT_RE.search(masked)
    meeting = next((m for m in MEETING_NOUN_RE.finditer(masked) if m["det"].lower() in ("their", "his", "her") or m["det"][-2:] in ("'s", "’s")), None)
    # "signed … documents on the sidelines of the meeting between Putin and Xi": the signatories' own
    # meeting, when it names them ("the meeting between the defence ministers" may be a commission's)
    between = re.search(r"\b(?:meeting|talks)\s+between\s+(?-i:[A-Z])", masked, re.I)
    # "held a bilateral meeting at the White House, following which the two leaders issued a joint
    # statement": the meeting the sentence reports first
    held = MEETING_VERB_RE.search(masked, 0, trigger.start())
    occasion = summit or meeting or between or held
    if occasion is None or len(agreement.participants) < 2 or (occasion not in (between, held) and SIDELINES_RE.search(masked[: occasion.start()])):
        return []
    kind = "summit" if summit else "meeting"
    date = agreement.date
    for prefix in SAME_DAY_OTHER_OCCASION:
        if date.evidence.startswith(prefix):
            # (what was signed earlier or later in the day was signed at the meeting, not apart from it)
            date = replace(date, evidence=date.evidence[len(prefix) + 2 :])
    return [
        ExtractedEvent(
            kind=kind,
            title=title_for(kind, agreement.participants, agreement.venue, masked),
            spans=list(agreement.spans),
            date=date,
            participants=list(agreement.participants),
            venue=agreement.venue,
            countries=list(agreement.countries),
            topics=agreement.topics,
            names_in_full=agreement.names_in_full,
            placed_elsewhere=agreement.placed_elsewhere,
        )
    ]


# "during the Argentine President Mauricio Macri’s ongoing three-day visit to India from February 17 to 19"
VISIT_OF_RE = re.compile(r"\b(?:during|on)\s+(?:the\s+)?(?:[\w-]+\s+){0,6}?[\w-]+['’]s?\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour)\s+(?:to|of)\b", re.I)


def _visit_of_agreement(masked, trigger, mentions, base, ctx, agreement):
    """"India and Argentina exchanged 10 MoUs during President Macri's three-day visit to India from
    February 17 to 19": the visit is an event of its own, of the traveller the possessive names, over
    the days the sentence gives it."""
    visit = VISIT_OF_RE.search(masked, trigger.end())
    if visit is None:
        return []
    owner = masked.rfind("’s", visit.start(), visit.end()), masked.rfind("'s", visit.start(), visit.end())
    at = max(owner)
    travellers = [m.person for m in mentions if visit.start() <= m.start - base < at and m.end - base <= at + 1]
    if not travellers:
        return []
    traveller = travellers[-1]
    venue = venue_for(masked[visit.start() :], ctx) or agreement.venue
    date = date_for(masked, visit, ctx, people=[traveller], venue=venue)
    return [
        ExtractedEvent(
            kind="visit", title=title_for("visit", [traveller], venue, masked), spans=list(agreement.spans), date=date,
            participants=[traveller], venue=venue, countries=_countries([traveller], venue), topics=agreement.topics,
            names_in_full=agreement.names_in_full,
        )
    ]


# "India and Ethiopia on Tuesday elevated their ties to Strategic Partnership as Prime Minister Modi paid
# his first ever visit to the east African nation"
AS_VISITING_RE = re.compile(r"\s(?:as|when|while)\s+(?=(?:[A-Z][\w.’'-]*\s+){1,5}(?:paid|made|was\s+on|is\s+on|arrived|visited)\b)")


def _visit_the_agreement_came_with(sentence, masked, trigger, mentions, ctx):
    """The visit a clause after the agreement tells of ("… as Modi paid his first ever visit to the
    east African nation"), at the sentence's time (its passage is the whole sentence)."""
    clause = AS_VISITING_RE.search(masked, trigger.end())
    if clause is None:
        return []
    a = clause.end()
    part = Sentence(sentence.start + a, sentence.end, sentence.text[a:], sentence.paragraph, sentence.is_headline)
    found = [e for e in sentence_events(part, masked[a:], [m for m in mentions if m.start - sentence.start >= a], ctx) if e.kind == "visit"]
    when = date_for(masked, trigger, ctx)
    for event in found:
        event.spans = [Span(sentence.start, sentence.end)]
        if not event.date.known and (when.known or when.weekday is not None):
            event.date = when  # (the sentence's time, or its weekday alone in a report of unknown date)
    return found


# "reaches Tajikistan, signs key MoUs": the arrival coordinated with the signing, the same subject's
ARRIVAL_RE = re.compile(r"\b(?:arrives|arrived|reaches|reached|lands|landed)\s+(?:in\s+)?(?=(?-i:[A-Z]))", re.I)
COORDINATED_PLACE_RE = re.compile(r"(?:[A-Z][\w’'-]*\s*){1,4}(?:,\s*|\s+and\s+)(?:also\s+)?")


def _arrival_before_agreement(masked, trigger, mentions, base, ctx, agreement):
    """"President Kovind reaches Tajikistan, signs key MoUs": the arrival is a visit of its own, of
    the sentence's subject, where it went, on the sentence's day."""
    arrival = ARRIVAL_RE.search(masked, 0, trigger.start())
    if arrival is None or not COORDINATED_PLACE_RE.fullmatch(masked, arrival.end(), trigger.start()):
        return []
    subjects = [m.person for m in mentions if m.start - base < arrival.start()]
    venue = venue_for(masked[: trigger.start()], ctx)
    if not subjects or venue is None:
        return []
    traveller = subjects[-1]
    return [
        ExtractedEvent(
            kind="visit", title=title_for("visit", [traveller], venue, masked), spans=list(agreement.spans), date=agreement.date,
            participants=[traveller], venue=venue, countries=_countries([traveller], venue), topics=agreement.topics,
            names_in_full=agreement.names_in_full,
        )
    ]


N_COUNTRIES_RE = re.compile(r"\bthe\s+(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:countries|nations|states)\b", re.I)


RELATION_NOUNS = r"relations|ties|relationship|cooperation|partnership|trade|friendship"
RELATIONS_BETWEEN_RE = re.compile(
    rf"\b(?:{RELATION_NOUNS})\s+(?:between|of)\s+(?:the\s+)?"
    r"[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:,\s*(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*,?\s+and\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?"
    # "the India-UK partnership", "India-Namibia relations"
    rf"|\b[A-Z][\w]*[-–][A-Z][\w]*\s+(?:{RELATION_NOUNS}|engagement)\b"
)


def _meeting_of_countries(kind, trigger, masked, sentence, date, venue, topics, ctx, named=()):
    """A meeting known only by the countries attending ("Deputy foreign ministers from Russia, Iran
    and Turkey held consultations in Astana", "the meeting between the Russian and Turkish
    presidents"): an event with those countries, and with the people the report names elsewhere as
    holding that office for those countries; nobody invented."""
    scope = masked[: trigger.start()]
    if re.search(r"\bbetween\b", trigger.group()) or (kind == "agreement" and AGREEMENT_BETWEEN_RE.match(masked, trigger.end())):
        # ("was followed by the signing of two agreements between India and the UK")
        scope += " " + masked[trigger.end() : trigger.end() + 80]
    # "reaffirmed the strong defence relations between India and Malaysia": what was spoken of, not who met
    scope = RELATIONS_BETWEEN_RE.sub(" ", scope)
    # ("The Navy Chiefs of India and Australia — both partners in Quad with the US and Japan — today
    # discussed …": an aside between dashes names others)
    scope = DASH_ASIDE_RE.sub(" ", scope)
    # ("INDIA and Sri Lanka signed …": a country written in capitals)
    scope = re.sub(r"\b[A-Z]{4,}\b", lambda w: w.group().title() if w.group().title() in places.country_names() else w.group(), scope)
    codes = listed_countries(scope)
    counted = N_COUNTRIES_RE.search(scope)
    if len(codes) < 2 and counted:
        # "the four countries' foreign ministers": the four the sentence lists, or of the last meeting
        # known by four countries.
        word = counted[1].lower()
        n = dates.count_of(word)
        codes = next((list(found) for found in [listed_countries(RELATIONS_BETWEEN_RE.sub(" ", masked)), *reversed(ctx.country_lists)] if len(found) == n), codes)
    if len(codes) < 2:
        return []
    ctx.country_lists.append(tuple(codes))
    names = [places.country_name(c) for c in codes]
    where = f" in {venue.name}" if venue else ""
    label = {"summit": "summit", "agreement": "agreement"}.get(kind, "meeting")
    office = people.ROLE_RE.search(scope)
    family = people.role_family(office.group()) if office else None
    delegates = [
        p for p in ctx.registry.people
        if p.country in codes and p.role and (family is None or people.role_family(p.role) == family)
    ]
    if family is None:
        # "India and France held talks": of everyone the report names of those countries, those of
        # the one office held on the most sides, two or more (the defence ministers, not a president
        # named for a trip; the foreign ministers of all three, not the defence ministers of two)
        sides = {}
        for p in delegates:
            sides.setdefault(people.role_family(p.role), set()).add(p.country)
        most = max((len(countries) for countries in sides.values()), default=0)
        shared = [f for f, countries in sides.items() if len(countries) == most >= 2]
        if len(shared) == 1:
            delegates = [p for p in delegates if people.role_family(p.role) == shared[0]]
    if len({p.country for p in delegates}) < 2:
        delegates = []  # one side named is not the meeting's people
    if (date.known and ctx.anchor.date and not _near(date, ctx.anchor.date)) or date.evidence.startswith(OTHER_TIME):
        delegates = []  # "The last 2+2 Dialogue was held in October 2020": who held those offices then, the report does not say
    meeting = ctx.pair_meeting
    if (
        kind == "agreement" and meeting and AFTER_THE_MEETING_RE.search(scope)
        and all(p.country in (None, *codes) for p in meeting.participants)
        and {id(p) for p in delegates} <= {id(p) for p in meeting.participants}
    ):
        # "The bilateral defence meeting was followed by the signing of two agreements between India
        # and the UK": signed by the meeting's people, that day, there
        delegates = list(meeting.participants)
        if date.evidence.startswith((LEAD_EVIDENCE, REPORT_DATE_EVIDENCE)) or not date.known:
            date = meeting.date
        venue = venue or meeting.venue
    named = [p for p in named if p.country in (None, *codes)]
    delegates = [p for i, p in enumerate(named + delegates) if all(p is not q for q in (named + delegates)[:i])]
    return [
        ExtractedEvent(
            kind=kind,
            title=f"{', '.join(names[:-1])} and {names[-1]}: {label}{where}",
            spans=[Span(sentence.start, sentence.end)],
            date=date,
            participants=delegates,
            venue=venue,
            countries=_with_venue_country(codes, venue),
            topics=topics,
        )
    ]


UNNAMED_SIDES_RE = re.compile(r"\b(?:[Bb]oth|[Tt]he\s+two)\s+(?:nations|countries|sides|governments)\b|\s+between\s+(?:both|the\s+two)\s+(?:nations|countries|sides)\b")
PASSIVE_SIGNING_RE = re.compile(r"\b(?:was|were|have\s+been|has\s+been)\s+(?:signed|exchanged|inked)$")
# "The meeting was followed by the signing of …", "After the talks, the two sides signed …"
AFTER_THE_MEETING_RE = re.compile(
    r"\b(?:The|the)\s+(?:[\w-]+\s+){0,3}(?:meeting|talks|dialogue|discussions)\s+(?:was|were)\s+followed\s+by\b"
    r"|\b(?:After|after|Following|following|At\s+the\s+end\s+of|at\s+the\s+end\s+of)\s+the\s+(?:[\w-]+\s+){0,3}(?:meeting|talks|dialogue|discussions)\b"
)
AGREEMENT_BETWEEN_RE = re.compile(rf"\s+of\s+(?:the\s+|an?\s+|\w+\s+)?(?:[\w-]+\s+){{0,2}}?{AGREEMENT_NOUN}\s+between\b", re.I)
HOSTING_RE = re.compile(r"\b(?:received|receives|hosted|hosts|welcomed|welcomes|greeted|greets)\b")


# "the Central Asia – China Summit", "the 2nd G20 Summit": a summit known by its name
NAMED_SUMMIT_RE = re.compile(r"\b(?:[Tt]he\s+)((?:\d+(?:st|nd|rd|th)\s+)?(?:(?-i:[A-Z])[\w’'.&+-]*\s+(?:[–-]\s+)?){1,6})(?-i:S|s)ummit\b")
# "signed the Xi’an Declaration": an agreement known by its name
NAMED_AGREEMENT_RE = re.compile(
    r"\bthe\s+((?:(?-i:[A-Z])[\w’'.&+-]*\s+){1,6}(?:Declaration|Agreement|Treaty|Accord|Charter|Communiqu[eé]|Principles|Roadmap|Protocol))\b"
)
NOT_A_NAME = {"the", "a", "an", "this", "that", "next", "last", "its", "their", "his", "her", "our", "following", "upcoming"}


def _named_summit(kind, masked, sentence, date, venue, topics):
    """A summit the report knows by its name but whose leaders it does not name ("Following the
    Central Asia – China Summit the Heads of State signed the Xi’an Declaration"): the summit, and
    the agreement signed there when the report names that too; with the countries the names give,
    nobody invented."""
    summit = NAMED_SUMMIT_RE.search(masked)
    if summit is None or not {w.lower() for w in re.findall(r"[\w’'.&+-]+", summit[1])} - NOT_A_NAME:
        return []
    name = re.sub(r"\s+", " ", summit.group()[4:]).strip()
    agreement = NAMED_AGREEMENT_RE.search(masked) if kind == "agreement" else None
    if kind == "agreement" and agreement is None:
        return []
    codes = listed_countries(summit.group())
    where = f" in {venue.name}" if venue else ""
    out = [("summit", f"{name}{where}")] + ([("agreement", f"{agreement[1]} at the {name}")] if agreement else [])
    return [
        ExtractedEvent(
            kind=kind_,
            title=title,
            spans=[Span(sentence.start, sentence.end)],
            date=date,
            participants=[],
            venue=venue,
            countries=_with_venue_country(codes, venue),
            topics=topics,
        )
        for kind_, title in out
    ]


def listed_countries(text):
    """The countries a text names, by name or adjective, in order, each once."""
    codes = []
    for _, _, code in sorted(places.find_countries(text) + places.find_demonyms(text)):
        if code not in codes:
            codes.append(code)
    return codes


def _host_and_guest(masked, mentions, base, trigger):
    """[guest, host] when the sentence's subject receives someone before it tells of the visit:
    "Xi received his counterpart Lula in Beijing and welcomed him on his state visit"; else None."""
    hosting = HOSTING_RE.search(masked, 0, trigger.start())
    arriving = re.search(r"\bas\s+(?:he|she|they)\s+$", masked[: trigger.start()])  # "greeted Erdogan as he arrives"
    if not hosting or not (re.match(r"(?:during|on)\b", trigger.group(), re.I) or arriving):
        return None
    hosts = [m.person for m in mentions if m.start - base < hosting.start()]
    guests = [m.person for m in mentions if hosting.end() <= m.start - base < trigger.start() and all(m.person is not h for h in hosts)]
    if not hosts or not guests:
        return None
    return [guests[0], hosts[-1]]


def _host_meets_guest(masked, mentions, base, trigger, visit):
    """The meeting of a host who receives a guest on the guest's visit: the same people, day and place."""
    if not _host_and_guest(masked, mentions, base, trigger):
        return []
    people_ = list(reversed(visit.participants))
    return [
        ExtractedEvent(
            kind="meeting", title=title_for("meeting", people_, visit.venue, masked), spans=list(visit.spans), date=visit.date,
            participants=people_, venue=visit.venue, countries=_countries(people_, visit.venue), topics=visit.topics,
            names_in_full=visit.names_in_full,
        )
    ]


# "met Nazarbayev soon after arriving here": the arrival of the meeting's subject.
ARRIVING_RE = re.compile(r"\b(?:(?:soon|shortly|right|just|immediately)\s+)?(?:after|upon|on)\s+$", re.I)


def _meeting_on_a_visit(masked, mentions, trigger, visit, base, ctx):
    """'Li visited Moscow, where he met President Vladimir Putin': the meeting the trip was for
    (or had), the traveller with the people named after the meeting verb."""
    meeting = MEETING_VERB_RE.search(masked, trigger.end())
    who = WHO_IS_RE.search(masked[: trigger.start()])
    on_arrival = ARRIVING_RE.search(masked, 0, trigger.start())
    earlier = MEETING_VERB_RE.search(masked, 0, trigger.start()) if re.match(r"(?:during|on)\s", trigger.group(), re.I) or on_arrival else None
    if meeting and earlier and DISCUSSED_RE.fullmatch(meeting.group()) and not any(m.start - base > meeting.start() for m in mentions):
        meeting = None  # ("met Dhankhar …, during his state visit on Monday and discussed cooperation": the meeting before)
    if earlier and not meeting and not who:
        # "Singh met his Chinese counterpart Dong Jun during his official visit to Qingdao": the
        # meeting on the visit, with the people named between the two
        meeting = earlier
        # (and the subject, when the visit is another's: "Jaishankar held talks with Wadephul during
        # his visit to India")
        subject = next((m for m in mentions if m.start - base < meeting.start()), None)
        inside = lambda m: meeting.start() < m.start - base < trigger.start() or m is subject
    elif who and not meeting:
        # "Xi held talks with Lula, who is on a state visit to China": the meeting the clause's
        # visitor had, with the people named before the clause.
        meeting = MEETING_VERB_RE.search(masked, 0, who.start())
        inside = lambda m: meeting is not None and m.start - base < who.start()
    else:
        inside = lambda m: m.start - base > meeting.start()
    # Only a meeting the trip had ("where he met"), not one it was for ("to meet", "to hold talks"):
    # a purpose is reported again, more plainly, when it happens.
    # ("began his visit to Brussels with a meeting with Johann Wadephul": the meeting it began with)
    began_with = meeting is not None and re.search(r"\bwith\s+(?:a|an)\s+(?:[\w-]+\s+)?$|\bby\s+$", masked[: meeting.start()])
    # ("arrived in Kyiv on Aug. 23, where he will hold talks with Zelensky": the talks the visit is
    # there for, still to come, on a day the sentence does not give)
    where_clause = meeting is not None and meeting.start() > trigger.end() and re.search(r",\s*where\s+(?:he|she|they)\s+will\s+$", masked[: meeting.start()])
    # ("Muizzu, who is on a five-day visit to India, is scheduled to hold talks with PM Modi later
    # today": the main clause's meeting, the clause's visit its trip)
    main_clause = meeting is not None and any(a < trigger.start() < b <= meeting.start() for a, b in (x.span() for x in ASIDE_RE.finditer(masked)))
    # ("Modi will meet Biden, who arrived yesterday": the main clause's meeting, before the clause)
    main_clause = main_clause or (meeting is not None and who is not None and meeting.start() < who.start())
    planned_there = bool(where_clause or main_clause)
    if not meeting or meeting.group().split()[0].lower() not in ("met", "meets", "held", "holds", "had", "having", "discussed", "conferred", "engaged", "interacted", "called") and not (began_with or planned_there):
        return []
    others = [m.person for m in mentions if inside(m) and all(m.person is not p for p in visit.participants)]
    people = visit.participants + [p for i, p in enumerate(others) if all(p is not q for q in others[:i])]
    if len(people) < 2:
        return []
    date = date_for(masked, meeting, ctx)  # "arrived on Thursday, met him on Friday"
    # ("Modi's visit to Ukraine comes weeks after a trip to Moscow, where he held talks with Putin":
    # the meeting of the trip the clause tells of, where that trip went)
    where = [ref for start, _, ref in places.place_mentions(masked) if start < meeting.start()] if where_clause else []
    if where:
        venue = where[-1]  # "before leaving for Serbia, where she will meet President Vucic": in Serbia
    elif main_clause or _inside_setting_clause(masked, meeting) is not None:
        venue = venue_for(masked, ctx, meeting)  # where its own clause says, else where the report is set
    else:
        venue = visit.venue
    if (
        planned_there and dates.is_future(masked, meeting.start() + len(meeting.group().split()[0]))
        and not [e for e in _stated_times(masked, meeting) if e.start > meeting.start()] and not LATER_SAME_DAY_RE.search(masked)
    ):
        date = DateValue(evidence=COMING_EVIDENCE)
    if began_with and date.evidence.startswith((LEAD_EVIDENCE, REPORT_DATE_EVIDENCE, DURING_LEAD_EVIDENCE)):
        # the first day of the visit, which the sentence does not give
        date = DateValue(evidence=f"the first day of a visit the sentence does not date (“{began_with.group().strip()} meeting”)")
    # "will call on Prime Minister Modi and meet NSA Doval": a meeting with each
    cuts = [m.start() for m in AND_VERB_WITH_RE.finditer(masked, meeting.end())]
    bounds = list(zip([meeting.end(), *cuts], [*cuts, len(masked)]))
    groups = [
        visit.participants + unique_people([m for m in mentions if a <= m.start - base < b and any(m.person is p for p in others)])
        for a, b in bounds
    ] if cuts else [people]
    if not cuts and len(visit.participants) == 1 and (_calls_one_by_one(visit.participants[0], people[1:]) or (len(people) >= 3 and SPLIT_RE.search(masked, meeting.start()))):
        # (also "met several delegates and diplomats on the sidelines of UNGA, including A, B and C")
        groups = [[visit.participants[0], host] for host in people[1:]]
    return [
        ExtractedEvent(
            kind="meeting",
            title=title_for("meeting", group, venue, masked),
            spans=list(visit.spans),
            date=date,
            participants=group,
            venue=venue,
            countries=_countries(group, venue),
            topics=visit.topics,
            names_in_full=visit.names_in_full,
        )
        for group in groups if len(group) > len(visit.participants)
    ]


# "Blinken, who is in China for his second day of meetings, met …"
STAY_RE = re.compile(
    r",\s*who\s+(?:is|was)\s+in\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+for\s+(?:his|her|their)\s+"
    r"(second|third|fourth|fifth|sixth|2nd|3rd|4th|5th|6th)\s+day\s+of\s+(?:[\w-]+\s+)?(?:meetings|talks|visit|trip)"
)


def _stay_of_the_meeting(masked, mentions, base, ctx, meetings):
    """"Blinken, who is in China for his second day of meetings, met Wang Yi on Monday": Blinken's
    visit to China, from the day before the latest of the sentence's meetings."""
    stay = STAY_RE.search(masked)
    venue = places.lookup_place(stay[1]) if stay else None
    guests = [m.person for m in mentions if m.start - base < stay.start()] if stay else []
    days = [e.date for e in meetings if e.date.known and e.date.precision == "day"]
    if not venue or not guests or not days:
        return []
    date = _since_the_first_day(max(days, key=lambda d: d.date), stay[2], "stay")
    guest = guests[-1]
    return [
        ExtractedEvent(
            kind="visit", title=title_for("visit", [guest], venue, masked), spans=list(meetings[0].spans), date=date,
            participants=[guest], venue=venue, countries=_countries([guest], venue), topics=meetings[0].topics,
            names_in_full=meetings[0].names_in_full,
        )
    ]


# "the first summit since May, when Kishida, Biden and Yoon met in Hiroshima": a meeting of its own, at
# the time the clause is introduced by.
WHEN_MET_RE = re.compile(r",\s*when\s+(?P<who>[^;.]{3,120}?)\s+(?:met|held\s+talks|last\s+met|spoke|signed)\b")


def _meeting_of_a_clause(sentence, masked, who, date, venue, lead):
    """The meeting a clause of another time tells of (", when X and Y met in Z", ", who met Y in June,"),
    reported by the sentence of the lead event; placed only where the clause says."""
    return ExtractedEvent(
        kind="meeting", title=title_for("meeting", who, venue, masked), spans=[Span(sentence.start, sentence.end)],
        date=date, participants=who, venue=venue, countries=_countries(who, venue), topics=lead.topics,
        names_in_full=lead.names_in_full, placed_elsewhere=venue is None,
    )


def _meeting_of_the_when_clause(sentence, masked, mentions, trigger, ctx, lead):
    """The meeting a ", when X and Y met in Z" clause after the sentence's event tells of, dated by the
    time just before the clause ("since May") and placed where the clause says; kept apart from the
    sentence's own event (another time)."""
    clause = WHEN_MET_RE.search(masked, trigger.end())
    if clause is None:
        return []
    base = sentence.start
    who = unique_people([m for m in mentions if clause.start("who") <= m.start - base < clause.end("who")])
    if len(who) < 2:
        return []
    before = [e for e in dates.find_expressions(masked[: clause.start()]) if e.end >= clause.start() - 2]
    # In the past, whatever the sentence's tense ("It will be the first summit since May, when …").
    when = before[-1] if before else None
    date = dates.resolve(dates.Expression(0, len(when.text), when.text, when.kind), when.text, ctx.anchor) if when else DateValue()
    if not date.known:
        date = _set_before(masked[clause.start() : clause.end()].strip(' ,'))
    rest = masked[clause.end() :]
    other = OTHER_CLAUSE_RE.search(rest)
    venue = venue_for(rest[: other.start()] if other else rest, ctx)
    return [_meeting_of_a_clause(sentence, masked, who, date, venue, lead)]


# "the first conversation between the two leaders since they met … in Argentina in November"
SINCE_THEY_MET_RE = re.compile(
    r"\bsince\s+(?:they|the\s+two(?:\s+leaders)?)\s+(?:last\s+)?met\b(?P<rest>[^;]*)"
    # "met Modi on Wednesday for their first meeting since 2017": the pair met in 2017
    r"|\b(?:first|maiden)\s+(?:[\w-]+\s+){0,2}?(?:meeting|talks|summit|encounter)\s+since\s+(?P<when>(?:(?-i:[A-Z])[a-z]+\s+)?(?:19|20)\d\d)\b"
)


# "since their last meeting in Astana on July 4": the pair's meeting before this one
THE_TWO_RE = re.compile(r"\b(?:the\s+two|both)\s+(?:[\w-]+\s+)?(?:ministers|leaders|sides|presidents|premiers|counterparts)\b", re.I)
SINCE_LAST_MEETING_RE = re.compile(r"\bsince\s+their\s+(?:last|previous|most\s+recent)\s+(?:meeting|talks|encounter)\s+(?P<rest>(?:in|at|on)\s[^;]*)", re.I)


def _meeting_of_the_since_clause(sentence, masked, trigger, ctx, lead):
    """The meeting of the sentence's two people that a "since they met …" clause after its event
    counts from: at the clause's own time (in the past) and place."""
    if len(lead.participants) != 2:
        return []
    clause = SINCE_THEY_MET_RE.search(masked, trigger.end())
    if clause is not None:
        rest = clause["rest"] if clause["rest"] is not None else f"in {clause['when']}"
    elif last := SINCE_LAST_MEETING_RE.search(masked, trigger.end()):
        clause, rest = last, last["rest"]
    else:
        return []
    date = _time_of_the_clause(clause, rest, ctx, lead.date)
    return [_meeting_of_a_clause(sentence, masked, list(lead.participants), date, venue_for(rest, ctx), lead)]


def _time_of_the_clause(clause, rest, ctx, after=None):
    """The time a clause of an earlier event gives it (the last it names), before `after`."""
    inside = list(dates.find_expressions(rest))
    date = dates.resolve(inside[-1], rest, ctx.anchor, future=False) if inside else DateValue()
    if date.known and ctx.anchor.date and after is not None and after.known and date.date >= after.date:
        date = DateValue()  # (a month of the same name last year, not this one: "in November" told in January)
    if not date.known:
        date = _set_before(clause.group().strip(' ,.'))
    return date


def _the_pairs_last_meeting(sentence, masked, mentions, ctx):
    """"The two Ministers reviewed the situation since their last meeting at Astana on 4 July 2024",
    in a sentence that reports no event of its own: the meeting of the pair the report follows, at
    the clause's time and place."""
    clause = SINCE_LAST_MEETING_RE.search(masked)
    if clause is None or len(ctx.pair) != 2 or not (any(m.how == "group" for m in mentions) or THE_TWO_RE.search(masked, 0, clause.start())):
        return []
    rest = clause["rest"]
    if not dates.find_expressions(rest):
        return []
    who = list(ctx.pair)
    venue = venue_for(rest, ctx)
    return [
        ExtractedEvent(
            kind="meeting", title=title_for("meeting", who, venue, masked), spans=[Span(sentence.start, sentence.end)],
            date=_time_of_the_clause(clause, rest, ctx), participants=who, venue=venue, countries=_countries(who, venue),
            topics=tag(sentence.text, ctx.topics), placed_elsewhere=venue is None,
        )
    ]


WHO_MET_RE = re.compile(r",\s*who\s+(?:also\s+|had\s+|last\s+)*(?:met|held\s+talks\s+with)\s+(?P<who>[^,;]{3,120}),")


def _meeting_of_the_who_clause(sentence, masked, mentions, trigger, ctx, lead):
    """"Ruiz, who met Berg in June, held talks with Scholz on Thursday": the meeting the relative
    clause tells of, between the one it is about and whom it names, at the clause's own time."""
    clause = WHO_MET_RE.search(masked)
    if clause is None or clause.start() <= trigger.start() < clause.end():
        return []
    base = sentence.start
    subject = [m for m in mentions if m.start - base < clause.start()][-1:]
    others = [m for m in mentions if clause.start("who") <= m.start - base < clause.end("who")]
    who = unique_people(subject + others)
    if len(who) < 2:
        return []
    inside = [e for e in dates.find_expressions(masked) if clause.start() <= e.start < clause.end()]
    date = dates.resolve(inside[0], masked, ctx.anchor, future=False) if inside else _set_before(masked[clause.start() : clause.end()].strip(' ,'))
    venue = venue_for(masked[clause.start() : clause.end()], ctx)
    return [_meeting_of_a_clause(sentence, masked, who, date, venue, lead)]


# A visit made before the news, which the sentence names with the time it was made: "following
# Kishida's visit to New Delhi in March this year", "His last visit to Russia was in 2019".
RECALLED_VISIT_RE = re.compile(
    r"(?P<owner>['’]s|\b(?i:his|her))\s+(?P<last>(?:last|previous|most\s+recent)\s+)?(?:(?:state|official|working|maiden|first)\s+)?"
    r"(?:visit|trip)\s+to\s+(?=(?-i:[A-Z]))"
)
AFTER_IT_RE = re.compile(r"\b(?:after|following|since|follows|followed)\s+(?:the\s+)?$", re.I)
WAS_THEN_RE = re.compile(r"\s*(?:was|came|took\s+place)\s+(?:in|back\s+in|on)\s+$|\s*dates\s+back\s+to\s+$")


def _recalled_visits(sentence, masked, mentions, ctx, out):
    """The earlier visits of named people the sentence recalls with their time, each an event of its
    own at that time and place (the visit a sentence reports as its news is `out`'s)."""
    base = sentence.start
    found = []
    for m in RECALLED_VISIT_RE.finditer(masked):
        if m.group("owner")[0] in "'’":
            owner = next((x for x in mentions if x.end - base == m.start()), None)
            before = masked[: owner.start - base] if owner else ""
        else:
            owner = next((x for x in mentions if x.start - base == m.start() and x.how == "pronoun"), None)
            before = masked[: m.start()]
        if owner is None or owner.how == "group":
            continue
        end = CLAUSE_END_RE.search(masked, m.end()).start()
        times = [e for e in dates.find_expressions(masked) if m.end() <= e.start < end]
        if not times:
            continue
        # "following X's visit to P in March": after it; "X's last visit to P was in 2019": told as past
        if not (AFTER_IT_RE.search(before) or (m.group("last") and WAS_THEN_RE.match(masked[: times[0].start], _place_end(masked, m.end())))):
            continue
        # (before the report's time: not where or when the report is set; unknown without its year)
        date = dates.resolve(times[0], masked, ctx.anchor, future=False)
        date = replace(date, evidence=f"{EARLIER_EVIDENCE}: {date.evidence}")
        venue = next((ref for start, prep, ref in places.place_mentions(masked) if m.start() <= start < times[0].start), None)
        who = [owner.person]
        if any(e.kind == "visit" and any(p is owner.person for p in e.participants) and e.date == date for e in out + found):
            continue
        found.append(
            ExtractedEvent(
                kind="visit", title=title_for("visit", who, venue, masked), spans=[Span(sentence.start, sentence.end)],
                date=date, participants=who, venue=venue, countries=_countries(who, venue),
                topics=out[0].topics if out else [], placed_elsewhere=venue is None,
            )
        )
    return found


CAPITALISED_WORDS_RE = re.compile(r"(?:[A-Z][\w.’'-]*\s*)+")


# "to participate in the second virtual summit of Global South Voices (on November 17) and in the
# virtual summit of the G20 (on November 22)": another summit, with its own time
AND_IN_THE_SUMMIT_RE = re.compile(r"\band\s+(?:in|at)\s+the\s+(?:[\w()’'-]+\s+){0,6}?summit\b[^;]*", re.I)


def _the_other_summit(masked, trigger, ctx, summit):
    """The second of two summits a sentence names, each with its own time, as an event of its own
    (the first is the sentence's): of the same people, at its time."""
    other = AND_IN_THE_SUMMIT_RE.search(masked, trigger.end())
    if other is None:
        return []
    times = [e for e in dates.find_expressions(masked) if other.start() < e.start < other.end()]
    if not times or not summit.date.known:
        return []
    date = dates.resolve(times[0], masked, ctx.anchor)
    if not date.known or date == summit.date:
        return []
    title = title_for("summit", summit.participants, None, masked[other.start() :])
    return [_another_occasion(summit, date=date, venue=None, title=title)]


def _the_first_time(masked, ctx, out):
    """"Modi was the Chief Guest at Mauritius' National Day for the second time, the first was in
    2015": the first time is an occasion of its own, of the same people, at its time."""
    second = SECOND_TIME_RE.search(masked)
    first = next((e for e in dates.find_expressions(masked) if FIRST_WAS_RE.search(masked, 0, e.start)), None) if second else None
    if not out or first is None:
        return []
    date = dates.resolve(first, masked, ctx.anchor, future=False)
    if not date.known:
        return []
    return [_another_occasion(out[0], date=replace(date, evidence=f"{EARLIER_EVIDENCE}: {date.evidence}"))]


def _another_time(date, meeting):
    """Whether a known date is not that of a meeting: more than a few days from its day, or, when the
    meeting has none, a year alone ("in 2018")."""
    return not _near(date, meeting.date.date) if meeting.date.known else date.precision == "year"


def _meeting_of_the_opener(masked, mentions, base, trigger, meeting):
    """"Before paying a courtesy call on Prime Minister Prayut, Jaishankar met Don", "After meeting
    Biden, Modi held a bilateral meeting with Albanese": the meeting the opening phrase tells of, of
    the sentence's subject with whom it names, that same day (when the sentence gives the day) and
    where the sentence does not otherwise say."""
    opener = BESIDES_RE.match(masked)
    if opener is None or not MEETING_OPENER_RE.match(masked) or opener.end() > trigger.start():
        return []
    if re.match(r"\s*\w+(?:\s+of|\s+to)?\s+(?:his|her|their)\s", masked):
        return []  # "Ahead of his meeting with Costa, …": whose meeting, and whether it was held, the sentence leaves open
    named = unique_people([m for m in mentions if m.start - base < opener.end()])
    subject = unique_people([m for m in mentions if opener.end() <= m.start - base < trigger.start()])[:1]
    if not named or not subject or any(p is subject[0] for p in named):
        return []
    people_ = subject + named
    if meeting.date.known and meeting.date.evidence.startswith("“"):
        date = meeting.date
    elif meeting.date.known and meeting.date.precision == "day":
        date = replace(meeting.date, evidence=f"{OPENER_EVIDENCE}: {meeting.date.evidence}")
    else:
        date = DateValue(evidence=OPENER_EVIDENCE)
    # (where the sentence places its meeting, unless the opener names a place of its own: "at Government House")
    venue = meeting.venue if meeting.venue_stated and not places.place_mentions(masked[: opener.end()]) else None
    return [
        replace(
            meeting, spans=list(meeting.spans), title=title_for("meeting", people_, venue, masked), participants=people_, date=date,
            venue=venue, countries=_countries(people_, venue), placed_elsewhere=False,
        )
    ]


# "visited India in October 2018 and in January 2019": two times of one verb, two occasions
TWO_YEARS_RE = re.compile(r"\d{4}\)?\s+and\s")  # (a cheap test first: a year, then "and")
YEAR_TIME_KINDS = ("month_year", "year", "day_month_year", "month_day_year")  # times that give their year
TWO_TIMES_GAP_RE = re.compile(r"\s+and\s+(?:again\s+|also\s+)?(?:in\s+|on\s+)?")


def _the_same_at_another_time(masked, found, ctx):
    """The same people's event again at the second of two times the sentence joins by "and", for each
    event the first of them dates ("Mirziyoyev visited India in October 2018 and in January 2019",
    "visited Tashkent (July 2015 and June 2016)")."""
    if not found or not TWO_YEARS_RE.search(masked):
        return []
    times = [e for e in dates.find_expressions(masked) if e.kind in YEAR_TIME_KINDS]
    out = []
    for first, second in zip(times, times[1:]):
        if not TWO_TIMES_GAP_RE.fullmatch(masked, first.end, second.start) or first.kind != second.kind:
            continue
        if re.search(r"\b(?:between|from)\s+$", masked[: first.start], re.I):
            continue  # "between October 2018 and January 2019": one span
        again = dates.resolve(second, masked, ctx.anchor)
        for event in found:
            if event.kind in ("visit", "meeting", "summit") and event.date.evidence == f"“{first.text}”" and again.known:
                out.append(_another_occasion(event, date=again))
    # "visited Tashkent (July 2015 and June 2016) and Samarkand (September 2022)": another place of the
    # first visit's country, with its own time
    visit = next((e for e in found if e.kind == "visit" and e.venue), None)
    for m in ANOTHER_PLACE_AND_TIME_RE.finditer(masked) if visit else ():
        place = places.lookup_place(m[1])
        when = next((e for e in dates.find_expressions(m[2]) if e.kind in YEAR_TIME_KINDS), None)
        if place and when and place.country == visit.venue.country and place.name != visit.venue.name and visit.date.evidence.startswith("“"):
            out.append(_another_occasion(visit, venue=place, venue_stated=True, date=dates.resolve(when, m[2], ctx.anchor),
                                         title=title_for("visit", visit.participants, place, masked)))
    return out


# "… Tashkent (July 2015 and June 2016) and Samarkand (September 2022)"
ANOTHER_PLACE_AND_TIME_RE = re.compile(r"\)\s+and\s+([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)\s+\(([^()]{4,40})\)")


def _another_occasion(event, **changes):
    """An event like this one (its passage and people, in lists of its own) with these changes: the
    same people's other occasion that one sentence tells of."""
    return replace(event, spans=list(event.spans), participants=list(event.participants), **changes)


def _place_end(masked, at):
    """Where the place name starting at `at` ends (its capitalised words)."""
    m = CAPITALISED_WORDS_RE.match(masked, at)
    return m.end() if m else at


def _trip_to_the_meeting(masked, mentions, base, ctx, meeting):
    """"Xi arrived in the US on Tuesday for the meeting with Biden": the traveller's trip is an
    event of its own, beside the meeting it was for."""
    trip = VISIT_RE.search(masked)
    if not trip or re.match(r"(?:to|will)\s+visit", trip.group(), re.I):
        return []  # a visit someone is to make is reported again when it happens
    talks = MEETING_VERB_RE.search(masked, 0, trip.start())
    if talks and SETTING_CLAUSE_RE.search(masked, talks.end(), trip.start()) and not ARRIVED_AFTER_RE.search(masked, talks.end(), trip.start()):
        # "held talks with Blinken amid unease following Modi's visit to Russia": another trip (but
        # "held a meeting with Scholz shortly after the German Chancellor arrived" is this one's)
        return []
    before = [m for m in mentions if m.start - base < trip.start()]
    if not before:
        return []
    # "Premier Li Qiang and Prime Minister Fumio Kishida arrived in Seoul …": each of the travellers
    # the subject joins with "and" makes a trip of their own.
    travellers = [before[-1]]
    for m in reversed(before[:-1]):
        if not COORDINATED_RE.fullmatch(masked[m.end - base : travellers[0].start - base]):
            break
        travellers.insert(0, m)
    venue = next((ref for start, prep, ref in places.place_mentions(masked) if start >= trip.start()), None)
    date = date_for(masked, trip, ctx)
    if venue and meeting.venue is None and not meeting.remote and talks and ARRIVED_AFTER_RE.search(masked, talks.end(), trip.start()):
        meeting.venue, meeting.venue_stated = venue, True  # (met "shortly after X arrived in New Delhi": there)
        meeting.countries = _countries(meeting.participants, venue)
    return [
        ExtractedEvent(
            kind="visit",
            title=title_for("visit", [traveller], venue, masked),
            spans=list(meeting.spans),
            date=date,
            participants=[traveller],
            venue=venue,
            countries=_countries([traveller], venue),
            topics=meeting.topics,
            names_in_full=meeting.names_in_full,
        )
        for traveller in unique_people(travellers)
    ]


# Between two names of one subject: "Li Qiang and Japanese Prime Minister Fumio Kishida"
# (also with an office of several words: "Mark Esper and US Secretary of State Mike Pompeo")
COORDINATED_RE = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:[A-Z][\w’'.-]*|of|for)\s+){0,5}")
AND_COORDINATED_RE = re.compile(r"\s*,?\s+and\s+(?:(?:[A-Z][\w’'.-]*|of|for)\s+){0,5}")


def name_parts_full(mention, text):
    return names.name_parts(text[mention.start : mention.end])[0]


# The unnamed others of a meeting: "with leaders from the continent", "the Saudi delegation".
UNNAMED_OTHERS_RE = re.compile(
    r"\b(?:leaders|heads\s+of\s+(?:states?|governments?)|ministers|delegations?|counterparts|officials|envoys|presidents|premiers|mission)\b"
    r"|\b[A-Z][a-z]+\s+(?:counterpart|delegation|side|leader|president|prime\s+minister|minister|king|emir|crown\s+prince|ambassador|governor)\b"
    r"|\bthe\s+governor\s+of\s+[A-Z]"
    # "China's top diplomat", "Moscow's chief negotiator"
    r"|\b[A-Z][a-z]+['’]s\s+(?:top|chief|senior|most\s+senior)\s+(?:diplomat|official|envoy|negotiator|general|commander)\b"
)


def _allows_single(kind, trigger, masked, member_role):
    # One named person at a summit, at a named occasion ("during the 2+2 meeting"), with a group of
    # ministers or with unnamed others ("his Chinese counterpart", "leaders from the continent") is an
    # event; a bare "held talks" is not enough.
    return (
        kind == "summit"
        # "Biden also announced that … part of an agreement reached during meetings in Jeddah": its announcer's
        or (kind == "agreement" and bool(re.search(r"\b(?:announced|announces|unveiled|unveils)\b", masked[: trigger.start()])))
        or bool(member_role)
        or bool(MEETING_NOUN_RE.fullmatch(trigger.group()))
        or ATTEND_RE.match(trigger.group()) is not None
        or bool(UNNAMED_OTHERS_RE.search(masked))
    )


def _countries(group, venue):
    return _with_venue_country({p.country for p in group if p.country}, venue)


def _with_venue_country(codes, venue):
    """Country codes, and the venue's, sorted."""
    return sorted({*codes, *([venue.country] if venue and venue.country else [])})


def _named_towns(event):
    """Whether the report says in which town or region the event was (a country alone is weak
    evidence: "a gas hub in Turkey" may be what was discussed)."""
    return event.venue is not None and event.venue_stated and event.venue.name != places.country_name(event.venue.country)


def same_event(a, b):
    """Within one report: the same kind and people, dates that do not disagree and no two towns the
    report states in different countries; a meeting known only by its countries is the report's meeting of people
    of those countries."""
    pa, pb = frozenset(map(id, a.participants)), frozenset(map(id, b.participants))
    if a.spans == b.spans and a.kind == b.kind and a.date.known != b.date.known and a.date.evidence.startswith(OTHER_TIME) and b.date.evidence.startswith(OTHER_TIME):
        return False  # one sentence's two occasions of another time: "for the second time, the first was in 2015"
    if a.kind != b.kind and not ({a.kind, b.kind} == {"meeting", "summit"} and pa == pb and len(pa) >= 2):
        return False  # a summit of the very people of a meeting is that meeting
    if a.kind != b.kind and any(e.kind == "summit" and e.date.end for e in (a, b)) and not all(e.date.end for e in (a, b)):
        return False  # (but not a summit of some days, "to attend the G-7 Summit on May 20-21", and a day's meeting at it)
    if (not pa or not pb) and a.kind == b.kind == "summit" and _one_summit(a, b):
        pass  # "the Camp David Summit" the report names nobody at is the summit it names leaders at
    elif not pa or not pb:
        named, unnamed = (a, b) if pa else (b, a)
        if not named.participants or not unnamed.countries:
            return False
        missing = set(unnamed.countries) - {p.country for p in named.participants} - set(named.countries)
        if len(missing) > sum(p.country is None for p in named.participants):
            return False  # (someone of no known country may be of a country the other names)
    elif a.kind == b.kind == "summit" and _one_summit(a, b):
        pass  # "Xi spoke at the summit on Friday … The summit from Thursday to Friday was attended by …"
    elif any(e.date.evidence == HEADLINE_EVIDENCE for e in (a, b)) and (pa <= pb or pb <= pa):
        pass  # "Singh holds bilateral meetings with his counterparts": the headline of the body's meetings
    elif a.kind == b.kind == "visit" and (a.welcome or b.welcome) and a.participants[0] is b.participants[0]:
        pass  # the welcome on arrival, with whoever received the traveller, is part of the traveller's visit
    elif not people_fit(pa, pb) and not ((a.kind == "summit" or a.welcome or b.welcome) and (pa <= pb or pb <= pa)):
        # (a summit has many people: one sentence names some of them, the next more; a visit is the
        # traveller's, and the welcome on arrival names who received them)
        return False
    elif len(pa) == 1 and not (set(a.countries) <= set(b.countries) or set(b.countries) <= set(a.countries)):
        return False  # one person's meetings with the counterparts of different countries
    if (a.remote and b.venue_stated and b.venue) or (b.remote and a.venue_stated and a.venue):
        return False  # a phone call is not the meeting at a venue the report also tells of
    if a.kind == b.kind == "visit" and a.venue and b.venue and a.venue_stated and b.venue_stated and a.venue.country != b.venue.country:
        return False  # "would first visit Djibouti on October 3 and … Ethiopia from October 4 to 6": two visits
    if _named_towns(a) and _named_towns(b) and a.venue.country != b.venue.country:
        return False  # "met in Woodside … last met at a G20 meeting in Bali": the same pair, elsewhere
    welcomed = a.kind == b.kind == "visit" and (a.welcome or b.welcome) and a.participants[:1] == b.participants[:1]
    if a.date.known and b.date.known and _occasion_mark(a.date) != _occasion_mark(b.date) and not welcomed:
        # (but "Earlier in the day, the visiting leader was accorded a ceremonial welcome" is the visit's)
        return False  # "Earlier in the day, … signed documents", "Later in the day, Modi hosted …": another occasion than the report's lead
    if a.date.known and b.date.known:
        return (
            _overlap(a.date, b.date) or _the_days_news(a.date, b.date) or _the_days_news(b.date, a.date)
            or _days_of_one_visit(a, b)
        )
    if a.date.evidence.startswith(OTHER_TIME) != b.date.evidence.startswith(OTHER_TIME):
        return False  # "the previous meeting", "described his talks with": not the one the report is about
    if a.venue and b.venue and a.venue_stated and b.venue_stated and a.venue.country != b.venue.country:
        return False  # an undated "talks with Zelensky" in Kyiv is not the meeting "in Italy" in June
    if a.kind != b.kind and COMING_EVIDENCE in (a.date.evidence, b.date.evidence):
        return False  # "invited Modi to attend the next G-7 Summit": not the call it was invited in
    coming, other = (a, b) if a.date.evidence == COMING_EVIDENCE else (b, a)
    if coming.date.evidence == COMING_EVIDENCE and other.date.known and other.date.evidence.startswith(REPORT_DATE_EVIDENCE) and a.kind != b.kind:
        return False  # "invited El-Sisi to the upcoming G20 Summit": not the talks "at the summit level" the report is of
    planned, other = (a, b) if a.date.evidence == PLANNED_EVIDENCE else (b, a)
    if planned.date.evidence == PLANNED_EVIDENCE and other.date.known and _past(other.date):
        return False  # "He was received by the Prime Minister … is scheduled to hold talks with the Prime Minister"
    if a.date.month_day and b.date.month_day and a.date.month_day != b.date.month_day:
        return False
    return a.date.weekday is None or b.date.weekday is None or a.date.weekday == b.date.weekday


def _past(value):
    """Whether a date is one the report tells of as past: a weekday before its day, the day of an
    arrival, the report's own or its lead's."""
    return "the most recent" in value.evidence or " arrived, as the report dates it" in value.evidence


VISIT_DAYS_APART = 2  # days between two days one report gives the same traveller's visit to one country


def _days_of_one_visit(a, b):
    """"Macron arrived in New Delhi on Sunday … On Monday, Macron's visit continued": days close
    together of one traveller's visit to one country are days of one visit."""
    if not (a.kind == b.kind == "visit" and a.date.precision == b.date.precision == "day"):
        return False
    if a.venue and b.venue and a.venue.country != b.venue.country:
        return False
    first, last = sorted([a.date, b.date], key=lambda d: d.date)
    return (last.date - (first.end or first.date)).days <= VISIT_DAYS_APART


def _the_days_news(default, stated):
    """"Singh has held talks with Jeong … During the talks, held on Thursday in Seoul": an event dated
    only by the report's day, and a day within the week before it that the report states for the
    same people's event (or its lead's, "The meeting culminated with the signing …"), are one event
    on the stated day."""
    return (
        default.evidence.startswith(REPORT_DATE_EVIDENCE) and stated.evidence.startswith(("“", LEAD_EVIDENCE)) and stated.precision == "day"
        and datetime.timedelta(0) < default.date - (stated.end or stated.date) <= datetime.timedelta(days=LEAD_DAYS)
    )


def _overlap(a, b):
    """Two known dates that may be of one event: days or ranges of days that share a day, or a
    month or year that holds the other."""
    if a.precision == b.precision == "day":
        return a.date <= (b.end or b.date) and b.date <= (a.end or a.date)
    return periods_agree(a, b)


def _one_summit(a, b):
    """Two summits of one report on days that meet, at one place, are one summit, whoever each
    sentence names at it; but not two bilateral summits of different pairs."""
    if not (a.date.known and b.date.known and _overlap(a.date, b.date)):
        return False
    if a.venue and b.venue and a.venue.country != b.venue.country:
        return False
    sizes = sorted((len(a.participants), len(b.participants)))
    return sizes[0] <= 1 or sizes[1] >= 3


def join(events):
    """Mentions of one event within a document become one event. Its passages are the first that
    reports it and each later one that names its people in full; a later "Singh and Shoigu also
    discussed…" elaborates the report rather than reporting the event again."""
    out = []
    for event in events:
        home = next((e for e in out if same_event(e, event)), None)
        if home is None:
            out.append(event)
            continue
        dates_it = _the_days_news(home.date, event.date)
        more_days = (
            home.kind == event.kind == "visit" and home.date.known and event.date.known
            and _days_of_one_visit(home, event) and not _overlap(home.date, event.date)
        )
        if event.names_in_full or event.kind != home.kind or dates_it or more_days or (event.participants and not home.participants):
            # (the passage that gives the day of an event the report dated only by its own day reports
            # it too; so does the first to name the people of one known by its countries)
            home.spans += [s for s in event.spans if s not in home.spans]
        for p in event.participants:
            if all(p is not q for q in home.participants):
                home.participants.append(p)
        coming = COMING_EVIDENCE in (home.date.evidence, event.date.evidence) and (home.date.known or event.date.known) and (
            (home.date if home.date.known else event.date).evidence.startswith(REPORT_DATE_EVIDENCE)
        )
        if coming:
            # ("invited El-Sisi to the upcoming G20 Summit … confidence in India's presidency of the
            # summit"): still to come; the report's day is only a default for what it tells as done
            if home.date.known:
                home.date = event.date
        elif event.date.known and (not home.date.known or RANK[event.date.precision] < RANK[home.date.precision] or dates_it):
            home.date = event.date
        elif more_days:
            # the visit's days, from the first the report gives to the last
            first = min(home.date.date, event.date.date)
            last = max(home.date.end or home.date.date, event.date.end or event.date.date)
            home.date = DateValue(first, "day", f"{home.date.evidence}; and {event.date.evidence}", end=last)
        elif event.date.end and not home.date.end and home.date.precision == "day" and _overlap(event.date, home.date):
            home.date = event.date  # "on Friday" of a summit "from Thursday to Friday": the summit's days
        if home.date.weekday is None and event.date.weekday is not None:
            home.date.weekday = event.date.weekday
        if home.date.month_day is None and event.date.month_day is not None:
            home.date.month_day = event.date.month_day
        if event.remote and home.venue is None:
            home.remote = True  # "held talks over the stand-off … the two had a video call on Sunday": a call
        if event.venue and (home.venue is None or (event.venue_stated and not home.venue_stated)) and not (home.remote and not event.venue_stated):
            # a stated venue beats the scene (but the scene is no place of a call)
            home.venue, home.venue_stated = event.venue, event.venue_stated
        home.topics = sorted({*home.topics, *event.topics})
        home.countries = sorted({*home.countries, *event.countries})
    return out


def reconcile_groups(events, ctx):
    """A report that first lists the countries of unnamed counterparts and then names them may
    disagree with itself ('Uzbekistan, Belarus and Kazakhstan', then the minister of Kyrgyzstan).
    The list is compared with the sentence that names the most of the same subject's bilateral
    meetings."""
    for subject, role, countries, sentence in ctx.groups:
        lists = {}
        for e in events:
            if e.kind == "meeting" and len(e.participants) == 2 and any(p is subject for p in e.participants):
                other = next(p for p in e.participants if p is not subject)
                if other.country:
                    lists.setdefault(e.spans[0], []).append((e, other))
        named = max(
            (group for group in lists.values() if len(group) >= 2),
            key=lambda group: len({o.country for _, o in group} & set(countries)),
            default=[],
        )
        named_countries = {other.country for _, other in named}
        missing = [c for c in countries if c not in named_countries]
        extra = [(e, other) for e, other in named if other.country not in countries]
        if not missing or not extra or not named_countries & set(countries):
            continue
        listed = ", ".join(places.country_name(c) for c in countries)
        for event, other in extra:
            event.review.append(
                f"The report lists talks with the {role.lower()}s of {listed}, "
                f"but names {other.name} of {places.country_name(other.country)} "
                f"(not {', '.join(places.country_name(c) for c in missing)}): which country is right?"
            )


OBJECT_PRONOUN_RE = re.compile(r"\bhim\b|\bher\b(?=\s*(?:[,.;]|(?:at|in|on|to|for|with|and|as|from)\b))")
# A sentence's opening prepositional phrase, before its subject: "In addition to the meeting with Mr. Singh, "
FRONTED_RE = re.compile(r"\s*(?:In|On|At|After|Before|During|Following|Besides|Apart\s+from|Ahead\s+of|Like)\b[^,;]{0,80},\s+")


# Inside a quotation: "the common understandings President Biden and I reached in Bali"
QUOTED_WE_MET_RE = re.compile(
    r"\b(?:(?:President|Prime\s+Minister|Chancellor|Minister|Secretary|King|Premier)\s+)?((?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)\s+and\s+I"
    r"\s+(?:(?:have|had)\s+)?(?:met|reached|agreed|held\s+talks|signed|discussed)\b[^.;,”\"]{0,40}?\b(?:in|at)\s+((?-i:[A-Z])[\w’'-]+(?:\s+(?-i:[A-Z])[\w’'-]+)?)",
    re.I,
)
QUOTE_SPEAKER_RE = re.compile(r"[,.]?[”\"]\s*,?\s*(?:said|says|added|recalled)\s+(?:[A-Z][\w.]*\s+){0,3}?((?-i:[A-Z])[\w’'-]+)\b")


def _meetings_the_speaker_recalls(sentences, ctx):
    """"… the common understandings President Biden and I reached in Bali," said Xi: a meeting of
    the speaker and the one they name, at the place they name, before the report's time (its day
    not given). Quoted words are otherwise not the reporter's account; this is the speaker's own
    account of having met someone."""
    out = []
    for quote in QUOTATION_RE.finditer(ctx.text):
        m = QUOTED_WE_MET_RE.search(quote.group())
        speaker = QUOTE_SPEAKER_RE.match(ctx.text, quote.end() - 1)
        if m is None or speaker is None:
            continue
        venue = places.lookup_place(m[2])
        partner = ctx.registry.by_words(names.name_parts(m[1])[0]) if names.name_parts(m[1])[0] else None
        who = ctx.registry.by_words(names.name_parts(speaker[1])[0]) if names.name_parts(speaker[1])[0] else None
        if venue is None or partner is None or who is None or partner is who:
            continue
        at = quote.start() + m.start()
        sentence = next((s for s in sentences if s.start <= at < s.end), None)
        if sentence is None:
            continue
        out.append(
            ExtractedEvent(
                kind="meeting",
                title=title_for("meeting", [who, partner], venue, ""),
                spans=[Span(sentence.start, sentence.end)],
                date=DateValue(evidence=f"{DESCRIBED_EVIDENCE} (“{m.group()}”) and gives no day for it"),
                participants=[who, partner],
                venue=venue,
                countries=_countries([who, partner], venue),
            )
        )
    return out


def _meetings_with_unnamed_counterparts(events, ctx):
    """"Jaishankar held bilateral meetings with his counterparts from Argentina, Brazil and Mexico",
    and the report names none of them: a meeting of his with each country's, its people unnamed
    (when it names some, they are those meetings: reconcile_groups compares the two)."""
    out = []
    for subject, role, countries, sentence, when, venue in ctx.unnamed_counterparts:
        named = {
            p.country for e in events if e.kind == "meeting" and any(q is subject for q in e.participants)
            for p in e.participants if p is not subject and p.country
        }
        if named & set(countries):
            continue
        office = "counterpart" if role == "counterpart" else role.lower()
        for code in countries:
            if code == subject.country:
                continue
            # ("also held bilateral talks with the presidents of Bolivia, Uruguay and Cuba", in a report of
            # the talks with Lula: other people than the lead's, on a day the report does not give)
            other = when.evidence.startswith(LEAD_EVIDENCE) and ctx.narrative_countries and code not in ctx.narrative_countries
            out.append(
                ExtractedEvent(
                    kind="meeting",
                    title=f"{subject.name} meets the {office} of {places.country_name(code)}{f' in {venue.name}' if venue else ''}",
                    spans=[Span(sentence.start, sentence.end)],
                    date=DateValue(evidence=NOT_THE_LEADS_EVIDENCE) if other else when,
                    participants=[subject],
                    venue=venue,
                    countries=_with_venue_country({code, subject.country} - {None}, venue),
                )
            )
    return out


SIDELINES_OF_SUMMIT_RE = re.compile(r"\b(?:sidelines|margins)\s+of\s+the\s+(?:[\w()’'-]+\s+){0,6}?summit\b", re.I)


def _place_by_the_summit(events, masked_text):
    """"Birla met Casellati on the sidelines of the G20 Parliamentary Speakers' Summit (P20) here …
    the Summit being organised in Rome": a meeting the sentence places nowhere, on the sidelines of
    the one summit the report places, is where that summit is."""
    placed = {(e.venue.name, e.venue.country) for e in events if e.kind == "summit" and e.venue is not None and e.venue_stated}
    if len(placed) != 1:
        return
    name, country = placed.pop()
    for event in events:
        if event.kind == "meeting" and event.venue is None and not event.remote and any(
            SIDELINES_OF_SUMMIT_RE.search(masked_text, span.start, span.end) for span in event.spans
        ):
            event.venue, event.venue_stated = PlaceRef(name, country), True
            event.countries = sorted({*event.countries, country})


def _place_the_last_event(event, sentence, masked, ctx):
    """"The meeting took place in Munich": where the event the report just told of was, when its own
    sentence did not say; "The telephonic conversation took place on Monday night": when, when its
    own sentence gave only the report's day."""
    subject = re.match(r"\s*[Tt]he\s+[^,;]*?\s(?=took\s+place|was\s+held|were\s+held|happened)", masked)
    if subject and CALL_RE.search(subject.group()) and event.kind == "meeting" and (event.venue is None or not event.venue_stated):
        event.remote, event.venue = True, None  # "The telephonic conversation took place …": a call, held nowhere
    said = dates.event_times(masked)
    if said and (not event.date.known or event.date.evidence.startswith(REPORT_DATE_EVIDENCE)):
        value = dates.resolve(said[0], masked, ctx.anchor, future=False)
        if value.known or not event.date.known:
            event.date = value if value.known else replace(value, evidence=event.date.evidence)
            if Span(sentence.start, sentence.end) not in event.spans:
                event.spans.append(Span(sentence.start, sentence.end))
    venue = venue_for(masked, ctx)
    if venue is None or (event.venue is not None and event.venue_stated) or event.remote:
        return
    event.venue, event.venue_stated = venue, True
    event.countries = sorted({*(c for c in event.countries if ctx.scene is None or c != ctx.scene.country), *_countries(event.participants, venue)})
    event.spans.append(Span(sentence.start, sentence.end))


# "Modi and Plenković had earlier met during COP26 in Glasgow, while former President Kovind visited
# Croatia in 2019": two clauses, each with its own subject and event.
# (also without the comma: "Jaishankar has held two meetings with Cafiero while PM Modi met …")
WHILE_CLAUSE_RE = re.compile(r"(?:,\s+|\s+)(?:while|whereas)\s+(?=(?:the\s+)?(?:[a-z]+\s+)?[A-Z])")


def _events_of_two_clauses(sentence, masked, mentions, ctx):
    """The events of a sentence of two clauses joined by ", while" with a subject named after it,
    when each clause reports one (each passage is the whole sentence); else []."""
    split = WHILE_CLAUSE_RE.search(masked)
    if not split:
        return []
    parts = [(0, split.start()), (split.end(), len(masked))]
    offset = lambda m: m.start - sentence.start
    within = lambda a, b: [m for m in mentions if a <= offset(m) < b]
    first, second = within(*parts[0]), within(*parts[1])
    # (the second clause's subject is a person the first does not name: "while Greece will become a
    # member … with the signing by Dendias" is the same occasion)
    if not first or not second or not re.fullmatch(r"(?:the\s+)?(?:[a-z]+\s+)?(?:[A-Z][\w.’'-]*\s+)*", masked[split.end() : offset(second[0])]):
        return []
    if any(m.person is second[0].person for m in first):
        return []
    # (a clause that reports nothing adds no one to the other's event: "Jaishankar has held two
    # meetings with Cafiero while PM Modi met President Fernandez on June 26" is Modi's meeting)
    parts = [(a, b) for a, b in parts if classify(masked[a:b], [offset(m) - a for m in within(a, b)])[0] is not None]
    if not parts:
        return []
    out = []
    for a, b in parts:
        part = Sentence(sentence.start + a, sentence.start + b, sentence.text[a:b], sentence.paragraph, sentence.is_headline)
        found = sentence_events(part, masked[a:b], within(a, b), ctx)
        for event in found:
            event.spans = [Span(sentence.start, sentence.end)]
        out += found
    return out


# "Modi on Wednesday spoke to Putin, followed by a telephonic conversation with Zelenskyy": two calls
FOLLOWED_BY_RE = re.compile(
    r",\s*(?:followed\s+by|and\s+then|before\s+holding)\s+(?=(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:(?:tele)?phon(?:e|ic)\s+|video\s+)?(?:conversation|call|meeting|talks)\s+with\b)"
)


def _events_followed_by_another(sentence, masked, mentions, ctx):
    """The events of "A spoke to B, followed by a telephonic conversation with C": A's talk with B,
    and A's with C (the subject and the time kept for the second; each passage is the whole
    sentence); else []."""
    split = FOLLOWED_BY_RE.search(masked)
    if not split:
        return []
    offset = lambda m: m.start - sentence.start
    kind, trigger = classify(masked[: split.start()], [offset(m) for m in mentions if offset(m) < split.start()])
    first = [m for m in mentions if offset(m) < split.start()]
    if kind != "meeting" or not first or offset(first[0]) >= trigger.start() or not any(offset(m) > split.end() for m in mentions):
        return []
    part = Sentence(sentence.start, sentence.start + split.start(), sentence.text[: split.start()], sentence.paragraph, sentence.is_headline)
    out = sentence_events(part, masked[: split.start()], first, ctx)
    # the second: the sentence with the first clause's verb and object blanked, offsets kept
    second = masked[: trigger.start()] + " " * (split.end() - trigger.start()) + masked[split.end() :]
    kept = [m for m in mentions if offset(m) < trigger.start() or offset(m) >= split.end()]
    calls = sentence_events(sentence, second, kept, ctx)
    if any(e.remote for e in calls) and re.match(r"(?:spoke|spoken|talked|speaks)\b", trigger.group(), re.I):
        for event in out:  # (the talk "followed by a telephonic conversation" was on the telephone too)
            event.remote, event.venue, event.venue_stated = True, None, False
            event.countries = _countries(event.participants, None)
    out += calls
    for event in out:
        event.spans = [Span(sentence.start, sentence.end)]
    return out


def document_events(sentences, ctx, masked_text):
    """The document's events; `masked_text` is the text with quotations blanked (mask_quotations).
    The body is read first; headlines and captions after it, naming only people the body names
    and dated as the story is, so that "Xi meets Blinken" joins the body's report of that meeting."""
    events = []
    subject = None
    recent = []
    last_end = 0
    for sentence in sentences:
        if sentence.is_headline:
            continue
        masked = masked_text[sentence.start : sentence.end]
        if "\n" in ctx.text[last_end : sentence.start] or PHOTO_CREDIT_RE.match(masked.lstrip()):
            # a new paragraph (or a caption's credit closing it, in a page scraped onto one line:
            # "… met the President of Ukraine. (Archive photo) New Delhi: Modi spoke to …")
            ctx.paragraph_time, ctx.paragraph_earlier, ctx.paragraph_events = None, None, []
        last_end = sentence.end
        mentions = people.sentence_mentions(ctx.text, sentence, ctx.registry, subject, masked, recent)
        found = _events_of_two_clauses(sentence, masked, mentions, ctx) or _events_followed_by_another(sentence, masked, mentions, ctx)
        found = found or sentence_events(sentence, masked, mentions, ctx) or _the_pairs_last_meeting(sentence, masked, mentions, ctx)
        found += _the_same_at_another_time(masked, found, ctx)
        if events and all(e.kind == "visit" for e in found) and (TOOK_PLACE_RE.match(masked) or TOOK_PLACE_WHEN_RE.match(masked)):
            # (also beside a guest's welcome: "the bilateral meeting took place at the Admiralty House in
            # Sydney and Modi was accorded a ceremonial welcome")
            _place_the_last_event(events[-1], sentence, masked, ctx)
        events += found
        ctx.paragraph_events += found
        time = paragraph_time(masked, ctx)
        ctx.paragraph_time = (*time, bool(found)) if time else ctx.paragraph_time
        ctx.last_time = ctx.paragraph_time or ctx.last_time
        ctx.paragraph_earlier = ctx.paragraph_earlier or EARLIER_OPENER_RE.match(masked)
        if mentions and not OBJECT_PRONOUN_RE.search(masked):
            # The subject a later "He" refers to: the first person named, unless named as an owner
            # ("Putin’s decision to send officials to meet Kim. He was met by …": he is Kim) or in an
            # opening phrase ("In addition to the meeting with Mr. Singh, Mr. Pistorius …"); and
            # unchanged by a sentence whose "him" is the subject so far ("Korosi will join him at
            # the yoga event. Afterwards, he will leave for Washington": he is still the one joined).
            owners = [m for m in mentions if re.match(r"['’]s?\b", ctx.text[m.end : m.end + 2])]
            opener = FRONTED_RE.match(masked)
            fronted = [m for m in mentions if opener and m.start - sentence.start < opener.end()]
            subject = next((m.person for m in mentions if m not in owners and m not in fronted), mentions[0].person)
        for m in mentions:
            recent = [p for p in recent if p is not m.person] + [m.person]
    ctx.paragraph_time = None
    for sentence in sentences:
        if not sentence.is_headline or textmod.CROSS_LINK_RE.match(sentence.text):
            continue
        masked = masked_text[sentence.start : sentence.end]
        mentions = people.sentence_mentions(ctx.text, sentence, ctx.registry, None, masked, known_only=True)
        events += sentence_events(sentence, masked, mentions, ctx)
    _date_by_the_occasion(events, ctx)
    _date_by_the_arrival(events, ctx)
    events += _meetings_the_speaker_recalls(sentences, ctx)
    events += _meetings_with_unnamed_counterparts(events, ctx)
    _place_by_the_host(events, masked_text)
    _place_by_the_summit(events, masked_text)
    fill_venues(events, ctx.scene, ctx.anchor.date)
    _travellers_are_not_at_home(events, ctx)
    events = [e for e in events if not _with_ones_own_envoy(e)]
    events = join(events)
    date_headlines(events, ctx)
    reconcile_groups(events, ctx)
    return events


# A photograph's credit: "(AP Photo)", "(Xinhua/Li Xueren)", "Photo: Reuters", "File photo".
PHOTO_CREDIT_RE = re.compile(r"\((?:[A-Z][\w.]*\s+)?(?:Photo|File)\b[^)]*\)|\((?:Xinhua|AP|AFP|Reuters|ANI|PTI)/|\bPhoto:|\bFile\s+photo\b", re.I)


def _line(text, span):
    """The whole line a passage is on (a caption's credit may follow its last sentence)."""
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return text[start : end if end >= 0 else len(text)]


def date_headlines(events, ctx):
    """A headline's event that no sentence of the body reports is news of the day the report is
    published ("Putin meets Kim at cosmodrome"); a photograph's caption may show another day."""
    for event in events:
        if event.date.evidence == HEADLINE_EVIDENCE and any(PHOTO_CREDIT_RE.search(_line(ctx.text, sp)) for sp in event.spans):
            event.date = DateValue(evidence="a photograph's caption, which gives no date and may show another day")
            continue
        if event.date.evidence == HEADLINE_EVIDENCE and ctx.anchor.date:
            event.date = DateValue(ctx.anchor.date, "day", f"{REPORT_DATE_EVIDENCE} ({ctx.anchor.evidence}), whose headline reports it")


def _of_the_lead(event, lead):
    """Whether an event is of the lead's people, or of people of the lead's countries (the delegations
    of a visit)."""
    if {id(p) for p in event.participants} & {id(p) for p in lead.participants}:
        return True
    theirs = {p.country for p in lead.participants if p.country} | set(lead.countries)
    ours = {p.country for p in event.participants if p.country}
    return not ours or bool(ours & theirs)  # people of no known country: nothing says otherwise


def _same_trip_time(trip, event):
    """Whether an event can be of the time of a trip the report tells of: not a trip before the
    report's time or known only by its month ("Modi's visit to Saudi Arabia in October 2019"), and
    within a week of the event when both have a day."""
    if not trip.date.known:
        return not trip.date.evidence.startswith(OTHER_TIME)
    if trip.date.precision != "day":
        return False
    return not event.date.known or (event.date.precision == "day" and abs((event.date.date - trip.date.date).days) <= 7)


def fill_venues(events, scene, published=None):
    """Events the sentence places nowhere are where the report is set: its first city in the
    scene's country, else the scene itself; a report with no dateline or trip is set where its
    lead event is (the first within a week of publication, not a flashback), if the lead says
    where, and then only the events of its people or their countries. Otherwise they stay unplaced:
    unknown beats a guess."""
    lead = None
    if scene is None:
        current = [
            e for e in events
            if (published is None or (e.date.known and abs((e.date.date - published).days) <= 7))
            and not e.date.evidence.startswith(OTHER_TIME)
        ]
        lead = current[0] if current else None
        scene = lead.venue if lead else None
        if scene is None:
            return
    city = next(
        (e.venue for e in events if e.venue and e.venue.name != places.country_name(e.venue.country) and e.venue.country == scene.country),
        None,
    )
    # A dateline is where the report was filed; a lead the report places in another country ("Havana:
    # Xi received Lula in Beijing …") sets the scene of what it tells of the lead's people.
    # (the lead: the first event near the report's day, not a later trip it tells of: "From Tokyo, Modi
    # will travel to Tianjin")
    first = next(
        (
            e for e in events
            if e.participants and e.venue is not None and e.venue_stated
            # (without a publication date, one the report dates to the day: not a past trip it dates
            # only by its month, "his July 2025 visit to China")
            and e.date.known and (e.date.precision == "day" if published is None else 0 <= (published - e.date.date).days <= 7)
        ),
        None,
    )
    placed_lead = None if lead is not None or first is None else first if (
        first.venue is not None and first.venue_stated and first.venue.country != scene.country
    ) else None
    # The places the report has someone visit: a meeting of a traveller with someone of that country
    # ("tour to Slovakia and the Czech Republic … met his Czech counterpart") is there.
    trips = [e for e in events if e.kind == "visit" and e.venue is not None and e.venue_stated and e.participants]
    for event in events:
        if event.venue is None and not event.placed_elsewhere and event.kind in ("meeting", "agreement") and event.participants:
            hosted = {
                t.venue.country: t.venue for t in trips for p in event.participants
                if p.country == t.venue.country and all(q is not p for q in t.participants) and _same_trip_time(t, event)
                and any(q is r for q in t.participants for r in event.participants)
            }
            if len(hosted) == 1:
                [there] = hosted.values()
                # (the report's town in that country, when the trip names only the country)
                towns = [e.venue for e in events if e.venue] + ([scene] if scene else [])
                event.venue = next((v for v in towns if v.country == there.country and v.name != places.country_name(there.country)), there)
                event.venue_stated = False
                event.countries = sorted({*event.countries, *_countries(event.participants, event.venue)})
    for event in events:
        if lead is not None and event.participants and not _of_the_lead(event, lead):
            continue  # set where the lead is only when it is of the lead's people: unknown beats a guess
        if event.date.evidence.startswith((EARLIER_EVIDENCE, DESCRIBED_EVIDENCE)):
            continue  # an event the report sets before its time is not where the report is set
        if event.venue is None and not event.placed_elsewhere:
            # (but a meeting with someone of the dateline's country is where the dateline is)
            of_the_placed_lead = (
                placed_lead is not None and event.participants and _of_the_lead(event, placed_lead)
                and not any(p.country == scene.country and all(p is not q for q in placed_lead.participants) for p in event.participants)
            )
            event.venue = placed_lead.venue if of_the_placed_lead else city or scene
            event.venue_stated = False
            event.countries = sorted({*event.countries, *_countries(event.participants, event.venue)})
