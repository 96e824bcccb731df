"""The text bank of the sample-data generator: sentence templates and the words that fill them.

All of it is written for MentorDesk in our own words. Templates use ``{slot}``
placeholders; a slot is filled from the mentee's track (doctor in training,
nurse, pharmacist, ...) when the track has it, else from ``COMMON``. A few slots
hold rare words, so that a full-text search meets rare and common words alike.
"""

from __future__ import annotations

# --- the four moves ------------------------------------------------------------

LISTENING = (
    "Arrived straight from {setting} and took a few minutes to settle.",
    "Described a difficult week on {setting}: two patients deteriorated at once and the help that was "
    "promised arrived late.",
    "Spoke warmly about {senior}, who has started giving feedback after each shift.",
    "Said that {milestone} feels closer than it did a month ago, and that the plan is mostly holding.",
    "Had a lot of energy when talking about {project}, and much less when the talk turned to {drag}.",
    "Mentioned, almost in passing, that sleep has been short since the rota changed.",
    "Talked about {skill} as the part of the job that still makes the stomach tighten.",
    "Was quieter than usual; the word “{feeling}” came up twice.",
    "Reflected on a conversation with a patient's family that went well, and could say exactly why.",
    "Described the team as kind but stretched; {colleague} has been off sick for three weeks.",
    "Sounded clearer about the long-term direction and less sure about the next six months.",
    "Brought written notes, which is new, and worked through them in order.",
    "Laughed about {event}, but the story underneath was about not feeling heard.",
    "Said the feedback on {project} was {feedback}.",
    "Felt {feeling} about {milestone} and listed the parts that are in hand and the parts that are not.",
    "Told the story of {event} in detail; the turning point was asking for help early.",
    "Described a memorable case of {rare} and the quiet satisfaction of getting the diagnosis right.",
    "Has been thinking about {drag} on the drive home most evenings.",
    "Noticed that the hardest moments come at the end of long days, not in the busy middle of them.",
    "Spoke about home: a new baby in the family, and a partner working nights as well.",
    "Wanted mostly to think aloud today; I said little and let the thoughts line up.",
    "Explained the politics around {project} more clearly than last time.",
    "Was proud of {event}, and a little surprised to be.",
    "Compared this post with the last one: better teaching, worse rota, kinder colleagues.",
    "Raised {drag} again; it has come up in three of our last four meetings.",
    "Talked about the gap between the job as imagined and the job as it is on {setting}.",
)

QUESTIONS = (
    "What would a good week on {setting} look like, in concrete terms?",
    "When you picture an ordinary Tuesday five years from now, what are you doing?",
    "What did {event} teach you about yourself?",
    "Who could help you with {skill}, and what stops you from asking them?",
    "What would you say to a new colleague in your position?",
    "Which part of {project} matters most to you, and why that part?",
    "What could you stop doing to make room for {milestone}?",
    "How will you know that {skill} is getting easier?",
    "What support would make the biggest difference over the next month?",
    "What story are you telling yourself about {drag}, and is it the only possible one?",
    "If the rota were not a factor, what would you choose?",
    "What has worked before when you felt {feeling}?",
    "Where do you feel most yourself at work, and what is happening there?",
    "What would {senior} need to hear from you to understand the problem?",
    "What is the smallest next step that would still count as progress?",
    "What are you avoiding, and what would it cost to face it this month?",
    "What would you like to be known for in the team?",
    "How do you want to use our next meeting?",
)

ENCOURAGEMENT = (
    "Named the progress with {skill}: three months ago it was avoided, now it is being taught to others.",
    "Pointed out how calmly {event} was handled, and that the team noticed.",
    "Reminded that the feedback from {senior} was specific and genuinely positive.",
    "Acknowledged how much has been carried this month alongside {milestone}.",
    "Celebrated the work on {project}; it is a real contribution, not a box ticked.",
    "Reflected back the clear thinking about priorities; it is a strength worth trusting.",
    "Said plainly that feeling {feeling} after a month like this is a sign of caring, not of weakness.",
    "Noted that asking for help on {setting} was the senior thing to do.",
    "Recognised the honesty in today's conversation; it makes our work together possible.",
    "Highlighted the patient feedback; it was warm and it was earned.",
    "Agreed that the plan for {milestone} is realistic and well built.",
    "Recalled where things stood a year ago; the distance travelled is considerable.",
)

CHALLENGE = (
    "Asked whether saying yes to every extra shift is generosity or avoidance.",
    "Questioned the plan to prepare for {milestone} only on days off: does that fit the current rota?",
    "Gently tested the assumption that {senior} would think less of a request for help.",
    "Pushed for a date: when exactly will the first draft of {project} be shared?",
    "Suggested that perfectionism about {skill} may be slowing the learning down.",
    "Invited a more honest look at the workload; the plan as written leaves no evening free.",
    "Wondered aloud whether {drag} is a problem to solve or one to accept for now.",
    "Noted that the same worry has come back three times; what would break the loop?",
    "Asked what would happen if the difficult conversation with {colleague} simply took place this week.",
    "Pointed out that the goal as stated cannot be measured; agreed to sharpen it.",
    "Challenged the idea that resilience means coping alone.",
)

AGENDA = (
    "Plan for {milestone}",
    "Feedback from {senior}",
    "Progress on {project}",
    "Rota, leave and on-call",
    "Getting better at {skill}",
    "How things are after {event}",
    "Career options for the next two years",
    "Teaching commitments",
    "Portfolio and reflective writing",
    "Review of our agreement",
    "{drag}",
)

ACTIONS_MENTEE = (
    "Draft a timetable for {milestone} and share it",
    "Book a meeting with {senior} about {project}",
    "Write a short reflection on {event} for the portfolio",
    "Ask for a supervised session of {skill}",
    "Send the first draft of {project}",
    "Take the two days of annual leave before the end of the month",
    "Sign up for the simulation session on {skill}",
    "Read the guidance on {rare} and bring questions",
    "Talk to {colleague} about sharing the load on {setting}",
    "Keep a one-line diary of energy levels for two weeks",
)

ACTIONS_MENTOR = (
    "Introduce to a colleague who has done {project}",
    "Send the article about {reading}",
    "Check whether the department will fund the course",
    "Find the dates of the next regional teaching day",
    "Read the draft of {project} and comment",
    "Ask {senior} about a taster week",
)

# --- slots ---------------------------------------------------------------------

COMMON: dict[str, tuple[str, ...]] = {
    "feeling": ("exhausted", "stuck", "hopeful", "overwhelmed", "restless", "flat", "anxious",
                "energised", "invisible", "relieved", "conflicted"),
    "event": ("the cardiac arrest call on Sunday", "the complaint letter",
              "the teaching session that ran over", "the missed handover", "the first solo night shift",
              "a very difficult death on the ward",
              "the presentation at grand round", "the incident review meeting", "the outbreak on the ward",
              "the interview for the next post"),
    "feedback": ("kind but vague", "sharp and useful", "late and contradictory", "generous",
                 "fair, if hard to hear"),
    "drag": ("the rota", "the commute", "the portfolio", "the exam fees", "the e-learning backlog",
             "the lack of a proper break", "the parking", "the mandatory training", "childcare",
             "working less than full time"),
    "colleague": ("the other registrar", "the charge nurse", "a fellow trainee", "the ward pharmacist",
                  "the practice manager", "a close friend on the team"),
    "reading": ("burnout in junior staff", "feedback conversations", "imposter feelings",
                "less than full time training", "decision fatigue", "psychological safety in teams"),
    "rare": ("phaeochromocytoma", "sarcoidosis", "Takotsubo cardiomyopathy", "myasthenia gravis",
             "ascending cholangitis", "Guillain–Barré syndrome", "porphyria", "amyloidosis",
             "Wernicke's encephalopathy", "Addisonian crisis", "serotonin syndrome", "pharmacovigilance"),
}

TRACKS: dict[str, dict[str, tuple[str, ...]]] = {
    "doctor": {
        "setting": ("the acute medical unit", "nights", "the cardiology ward", "the emergency department",
                    "the surgical admissions unit", "the respiratory ward", "the intensive care unit"),
        "milestone": ("the membership exam", "the ARCP panel", "the clinical exam", "the next rotation",
                      "the application for higher training"),
        "senior": ("the clinical supervisor", "the on-call consultant", "the rota coordinator",
                   "the training programme director", "the educational supervisor"),
        "project": ("the sepsis audit", "the discharge-letter improvement project", "a case report",
                    "the teaching programme for foundation doctors", "the anticoagulation audit"),
        "skill": ("leading the ward round", "breaking bad news", "prioritising the bleep",
                  "chest drain insertion", "escalating at night", "delegating to the team"),
    },
    "consultant": {
        "setting": ("the new department", "the consultant rota", "the directorate meeting", "the department",
                    "the weekend ward rounds"),
        "milestone": ("the first hundred days", "the job-plan review", "the first appraisal",
                      "the end of the first year"),
        "senior": ("the clinical director", "the medical director", "the senior consultant colleague",
                   "the divisional manager"),
        "project": ("the new same-day emergency care pathway", "the departmental teaching programme",
                    "the business case for another consultant post", "the mortality review"),
        "skill": ("chairing the team meeting", "saying no to extra sessions", "giving difficult feedback",
                  "negotiating the job plan", "leading without being the expert in everything"),
    },
    "nurse": {
        "setting": ("the acute medical unit", "the night shift", "the respiratory ward", "the surgical ward",
                    "the discharge lounge"),
        "milestone": ("revalidation", "the band 6 interview", "the preceptorship sign-off",
                      "the mentorship course"),
        "senior": ("the ward manager", "the matron", "the practice educator", "the nurse in charge"),
        "project": ("the falls-prevention project", "the pressure-ulcer audit", "the new handover sheet",
                    "the ward teaching board"),
        "skill": ("coordinating the shift", "cannulation", "managing the deteriorating patient",
                  "speaking up at the safety huddle", "supporting students"),
    },
    "pharmacist": {
        "setting": ("the medical wards", "the dispensary", "the antimicrobial ward round", "the clinic"),
        "milestone": ("the independent prescribing course", "the advanced practice portfolio",
                      "the foundation assessment"),
        "senior": ("the chief pharmacist", "the lead antimicrobial pharmacist", "the designated prescribing "
                   "practitioner"),
        "project": ("the antimicrobial stewardship audit", "the medicines-reconciliation project",
                    "the deprescribing clinic"),
        "skill": ("challenging a consultant's prescription", "consulting with patients",
                  "clinical examination", "teaching the junior doctors"),
    },
    "midwife": {
        "setting": ("the labour ward", "the birth centre", "the postnatal ward", "the community team"),
        "milestone": ("the preceptorship sign-off", "the move to continuity of carer",
                      "the band 6 application"),
        "senior": ("the labour ward coordinator", "the consultant midwife", "the professional midwifery "
                   "advocate"),
        "project": ("the skin-to-skin audit", "the birth-reflections service",
                    "the parent education classes"),
        "skill": ("running the labour ward board", "handling emergencies calmly", "debriefing families",
                  "suturing"),
    },
    "student": {
        "setting": ("the placement", "the general practice attachment", "the surgical firm", "the wards"),
        "milestone": ("the OSCEs", "finals", "the elective", "the foundation application"),
        "senior": ("the clinical tutor", "the placement supervisor", "the personal tutor"),
        "project": ("the elective report", "the student research project", "the peer-teaching sessions"),
        "skill": ("presenting a patient on the ward round", "taking a focused history", "examining under "
                  "time pressure", "asking questions in theatre"),
    },
    "gp": {
        "setting": ("the practice", "the duty doctor session", "the out-of-hours shift", "home visits"),
        "milestone": ("the applied knowledge test", "the clinical skills assessment", "the end of training"),
        "senior": ("the GP trainer", "the practice partners", "the programme director"),
        "project": ("the prescribing audit", "the practice's frailty register", "the teaching session on "
                    "menopause care"),
        "skill": ("keeping to ten-minute consultations", "managing uncertainty", "consulting by telephone",
                  "safety-netting"),
    },
    "pa": {
        "setting": ("the acute medical unit", "the surgical team", "the emergency department"),
        "milestone": ("the recertification exam", "the first year review", "the move to a senior post"),
        "senior": ("the supervising consultant", "the lead physician associate", "the clinical lead"),
        "project": ("the clerking proforma", "the induction pack for new associates",
                    "the scope-of-practice document"),
        "skill": ("explaining the role to new colleagues", "clerking complex patients", "requesting "
                  "investigations within scope", "presenting at the board round"),
    },
}

# --- profiles, agreements, goals ---------------------------------------------------

GOALS: dict[str, tuple[tuple[str, str], ...]] = {
    "doctor": (
        ("Pass the membership exam", "A realistic revision plan that survives the rota."),
        ("Lead the ward round with confidence", "Run the round twice a week with the consultant observing."),
        ("Present the audit at the regional meeting", "Close the loop: re-audit after the change."),
        ("Decide on a specialty", "Taster weeks in two specialties and an honest look at the lifestyle."),
    ),
    "consultant": (
        ("Settle into the consultant role in the first hundred days",
         "Meet each team, agree the job plan, find an ally outside the department."),
        ("Agree a sustainable job plan", "Protected time for teaching and for the pathway work."),
        ("Launch the same-day emergency care pathway", "A working pilot by the end of the first year."),
    ),
    "nurse": (
        ("Prepare for the band 6 interview", "Evidence of leadership on shift and a teaching session."),
        ("Complete revalidation", "Reflective accounts and practice-related feedback gathered in time."),
        ("Become confident coordinating the shift", "Coordinate one shift a week with support."),
    ),
    "pharmacist": (
        ("Qualify as an independent prescriber", "Finish the course and the supervised practice hours."),
        ("Run the antimicrobial stewardship audit",
         "Present the results to the drugs and therapeutics committee."),
    ),
    "midwife": (
        ("Complete preceptorship", "All competencies signed off, with confidence on the labour ward."),
        ("Start a birth-reflections clinic", "A pilot with three sessions a month."),
    ),
    "student": (
        ("Pass the final OSCEs", "Practise with peers weekly; one mock under exam conditions."),
        ("Plan the elective", "Choose a placement, secure funding, agree learning objectives."),
    ),
    "gp": (
        ("Pass the clinical skills assessment", "Recorded consultations reviewed with the trainer."),
        ("Find a first salaried post", "A practice that supports a special interest in women's health."),
    ),
    "pa": (
        ("Build a clear scope of practice with the team",
         "A written document agreed with the clinical lead."),
        ("Take on teaching of new associates", "Design the induction pack and run the first session."),
    ),
}

RELATIONSHIP_KINDS = ("career", "transition into a post", "research", "clinical skills",
                      "wellbeing & balance", "leadership", "exam preparation")

CONFIDENTIALITY = (
    "What we discuss stays between us, unless there is a risk to patients or to you; then we talk first "
    "about who else needs to know.",
    "Notes are kept by the mentor, privately. Nothing goes to the supervisor or the programme without "
    "the mentee's agreement.",
    "Confidential by default. Exceptions: patient safety, serious risk of harm, or a legal duty.",
)

SHARED_INTERESTS = ("medical education", "global health", "running", "research methods", "choral singing",
                    "quality improvement", "palliative care", "simulation teaching", "rural practice")
PROXIMITY = ("same hospital, different directorate", "same department", "neighbouring hospital",
             "online; we live in different cities", "same network of practices")
ALIGNED_VALUES = ("patient dignity; honesty about mistakes", "fairness in rotas and training",
                  "curiosity, and teaching as part of the job", "kindness to colleagues as well as patients",
                  "work that leaves room for a life")

WELLBEING_SIGNALS = ("exhaustion", "poor sleep", "irritability", "dreading shifts", "skipping meals",
                     "cynicism about work", "feeling detached from patients", "headaches",
                     "no time for family", "tearfulness", "low motivation", "working through breaks")
WELLBEING_NOTES = (
    "Agreed to check in by e-mail next week.",
    "Talked about occupational health; not ready yet, will think about it.",
    "Knows about the staff support service and has the number.",
    "Has booked a GP appointment; relieved to have done it.",
    "Plans a proper weekend off, the first in six weeks.",
)
PRIVATE_REMARKS = (
    "I wonder whether the rota is the real problem, not the exam.",
    "More guarded today; do not push on the family situation.",
    "Impressive insight. Might suggest the leadership fellowship later in the year.",
    "I talked too much in the first half; listen more next time.",
    "Keep an eye on the jokes about drinking after nights.",
    "Possible tension with the supervisor; hear both sides before saying anything.",
)
CLOSURE_REFLECTIONS = {
    "goals_realised": "We met what we set out to do. The confidence that grew over these months was earned "
                      "on the wards, not in our meetings; our part was to notice it and name it.",
    "circumstances_changed": "A move to another city ended our meetings sooner than planned. We agreed a "
                             "warm handover to a mentor nearby and an open door for the occasional e-mail.",
    "mutual": "We agreed together that the relationship had done its work for now.",
    "other": "Ended by a change in the programme rather than by either of us.",
}

# A short phrase a mentee brought from their own language (and what it means), used now and then.
HOME_PHRASES: dict[str, tuple[str, ...]] = {
    "pl": ("Used a Polish phrase for it: „zmęczenie po dyżurze”, the tiredness after a long duty.",
           "Quoted a grandmother's saying, „Nie od razu Kraków zbudowano”: Kraków was not built in a day."),
    "vi": ("Quoted a proverb from home, “Có công mài sắt, có ngày nên kim”: with patience, iron becomes a "
           "needle.",),
    "el": ("Said «σιγά σιγά», slowly, slowly, and meant it as a plan rather than a complaint.",),
    "zh": ("Wrote a line in the notebook, 我是医生，今天很累: I am a doctor, and today I am very tired.",
           "Mentioned a saying, 慢慢来, take it slowly, that a parent used to repeat."),
    "ar": ("Quoted «الصبر مفتاح الفرج», patience is the key to relief, with a wry smile.",),
    "es": ("Said «poco a poco» about the revision, and it sounded like a strategy.",),
    "ga": ("Quoted «Ní neart go cur le chéile»: there is no strength without working together.",),
    "yo": ("Greeted the team on the ward with «Ẹ kú iṣẹ́», well done for the work, and it caught on.",),
    "tr": ("Said «yavaş yavaş», little by little, about the return to work.",),
    "uk": ("Said «крок за кроком», step by step, about learning the new system.",),
    "pt": ("Quoted «devagar se vai ao longe»: slowly one goes far.",),
    "de": ("Said „Schritt für Schritt“ about the plan, and wrote it at the top of the page.",),
}

# Given and family names by language, for mentees beyond the hand-written ones.
NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "pl": (("Łucja", "Michał", "Zofia", "Paweł", "Małgorzata", "Bartłomiej"),
           ("Żmijewska", "Wróbel", "Łukasik", "Kowalczyk", "Sęk", "Zieliński")),
    "vi": (("Thảo", "Minh", "Hương", "Quốc", "Lan", "Đức"),
           ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ")),
    "el": (("Ελένη", "Γιώργος", "Μαρία", "Νίκος", "Δήμητρα"),
           ("Παπαδοπούλου", "Οικονόμου", "Γεωργίου", "Καραγιάννη", "Αλεξίου")),
    "es": (("María José", "Javier", "Lucía", "Álvaro", "Begoña"),
           ("Fernández", "Núñez", "Ibáñez", "García", "Muñoz")),
    "ga": (("Siobhán", "Pádraig", "Aoife", "Ciarán", "Gráinne"),
           ("Ní Mhurchú", "Ó Briain", "Mac Cárthaigh", "Ní Dhónaill", "Ó Súilleabháin")),
    "yo": (("Olúwaṣeun", "Adéọlá", "Tèmítọ́pẹ́", "Bámidélé"),
           ("Adébáyọ̀", "Ọlátúnjí", "Akínwálé", "Ògúnlékè")),
    "ig": (("Ifeoma", "Chinedu", "Ngozi", "Obinna", "Chiamaka"),
           ("Nwachukwu", "Okafor", "Eze", "Okonkwo", "Obi")),
    "hi": (("Priya", "Arjun", "Ananya", "Rohan", "Kavita"),
           ("Chaturvedi", "Malhotra", "Srivastava", "Kapoor", "Mehta")),
    "tr": (("Zeynep", "Emre", "Ayşe", "Çağrı", "Gülşen"),
           ("Yıldırım", "Şahin", "Öztürk", "Aydın", "Çelik")),
    "uk": (("Олена", "Андрій", "Ірина", "Богдан"),
           ("Коваленко", "Шевченко", "Бондаренко", "Ткаченко")),
    "pt": (("João", "Inês", "Gonçalo", "Mariana"),
           ("Gonçalves", "Araújo", "Simões", "Conceição")),
    "de": (("Lena", "Jürgen", "Anke", "Matthias"),
           ("Schäfer", "Weiß", "Großmann", "Müller")),
    "en": (("Thomas", "Hannah", "Oliver", "Grace", "Samuel", "Eleanor"),
           ("Whitfield", "Ashworth", "Pemberton", "Crowley", "Hale", "Barnes")),
}
# Chinese and Arabic names are written family name first / as one string.
WHOLE_NAMES: dict[str, tuple[str, ...]] = {
    "zh": ("陈静", "王丽华", "李明", "张伟", "刘洋", "黄晓梅"),
    "ar": ("ليلى حداد", "يوسف منصور", "مريم خليل", "عمر نصار"),
}

ROLES: dict[str, tuple[tuple[str, str], ...]] = {
    "doctor": (("Foundation doctor (FY2)", "General medicine"),
               ("Internal medicine trainee (IMT2)", "Acute medicine"),
               ("Specialty registrar (ST5)", "Cardiology"),
               ("Core surgical trainee (CT2)", "General surgery"),
               ("Specialty registrar (ST4)", "Emergency medicine"),
               ("Clinical fellow", "Respiratory medicine")),
    "consultant": (("Consultant", "Emergency medicine"), ("Consultant", "Geriatric medicine")),
    "nurse": (("Staff nurse", "Acute medicine"), ("Senior staff nurse", "Respiratory"),
              ("Advanced clinical practitioner", "Critical care")),
    "pharmacist": (("Clinical pharmacist", "Medicines optimisation"),),
    "midwife": (("Midwife", "Labour ward"),),
    "student": (("Medical student, year 4", "Undergraduate medicine"),),
    "gp": (("GP specialty trainee (ST2)", "General practice"),),
    "pa": (("Physician associate", "Acute medicine"),),
}
ORGANISATIONS = ("Riverside University Hospital", "Northgate Community Trust", "St Brigid's Maternity Unit",
                 "Hillcrest Medical School", "Eastbank Primary Care Network", "Westmoor General Hospital")
TAGS = ("exam prep", "first 100 days", "research", "leadership", "wellbeing", "international graduate",
        "return to work", "quality improvement", "teaching", "nursing", "pharmacy", "less than full time")
MEETING_HOURS = ((7, 45), (8, 0), (12, 30), (13, 0), (16, 30), (17, 30), (18, 0), (19, 0))
