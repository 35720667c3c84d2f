"""Plain words for the engine's codes, in English and Norwegian bokmål.

Every string a person sees comes from here or from :mod:`refusjon.rules.explain`, so that the
batch output and the web application say the same thing.
"""

from __future__ import annotations

LANGUAGES = ("en", "nb")

CATEGORIES: dict[str, tuple[str, str]] = {
    "gp": ("general practitioner (GP)", "fastlege/allmennlege"),
    "emergency_clinic": ("emergency clinic", "legevakt"),
    "specialist": ("specialist doctor", "legespesialist"),
    "outpatient_hospital": ("outpatient hospital treatment", "poliklinisk behandling på sykehus"),
    "hospital_stay": ("hospital stay", "sykehusopphold"),
    "ambulance": ("ambulance", "ambulanse"),
    "psychologist": ("psychologist", "psykolog"),
    "physiotherapist": ("physiotherapist", "fysioterapeut"),
    "chiropractor": ("chiropractor", "kiropraktor"),
    "naprapath": ("naprapath", "naprapat"),
    "osteopath": ("osteopath", "osteopat"),
    "dentist": ("dentist", "tannlege"),
    "dental_illness": ("dental treatment for illness", "tannbehandling ved sykdom"),
    "orthodontics": ("orthodontics", "kjeveortopedi (tannregulering)"),
    "radiology": ("X-ray and scans", "røntgen og bildediagnostikk"),
    "lab_tests": ("laboratory tests", "laboratorieprøver"),
    "blue_prescription": ("medicine on blue prescription", "legemidler på blå resept"),
    "patient_travel": ("patient travel", "pasientreise"),
    "rehabilitation_institution": ("rehabilitation institution", "rehabiliteringsinstitusjon"),
    "pregnancy_checkup": ("pregnancy check-up", "svangerskapskontroll"),
    "oxygen_therapy": ("oxygen therapy", "oksygenbehandling"),
    "speech_therapy": ("speech therapy", "logopedi"),
    "infertility_treatment": ("infertility treatment", "behandling av barnløshet"),
    "vaccine_travel": ("travel vaccine", "reisevaksine"),
    "vaccine_study_abroad": ("vaccine for studies abroad", "vaksine for studier i utlandet"),
    "certificate": ("medical certificate", "legeattest"),
    "treatment_materials": ("treatment materials", "forbruksmateriell"),
    "handling_fee": ("handling fee", "ekspedisjonsgebyr"),
    "health_check": ("health check", "helsekontroll"),
    "home_help": ("home help", "hjemmehjelp"),
    "nursing_home": ("nursing home", "sykehjem"),
    "board_lodging": ("board and lodging", "kost og losji"),
}

DOCUMENTS: dict[str, tuple[str, str]] = {
    "user_fee_overview": (
        "the user-fee overview from helsenorge.no showing your name",
        "egenandelsoversikten fra helsenorge.no med navnet ditt",
    ),
    "receipt": ("itemised receipts", "spesifiserte kvitteringer"),
    "proof_of_payment": ("proof of payment", "dokumentasjon på betaling"),
    "medical_documentation": ("medical documentation", "medisinsk dokumentasjon"),
    "student_id": (
        "student ID or semester-fee receipt",
        "studentbevis eller kvittering for betalt semesteravgift",
    ),
    "semester_fee_receipt": ("semester-fee receipt", "kvittering for betalt semesteravgift"),
    "study_confirmation": (
        "confirmation from your place of study",
        "bekreftelse fra studiestedet",
    ),
    "vaccine_confirmation": (
        "confirmation from your institution that the vaccine is needed for your studies",
        "bekreftelse fra lærestedet på at vaksinen trengs for studiene",
    ),
    "translation": ("a translation", "en oversettelse"),
    "power_of_attorney": ("a power of attorney from your child", "fullmakt fra barnet ditt"),
    "medical_statement": (
        "a medical statement for the medicine",
        "en legeerklæring for legemidlet",
    ),
}

REASONS: dict[str, tuple[str, str]] = {
    "not-covered-institution": (
        "your place of study is not covered by this scheme",
        "studiestedet ditt er ikke omfattet av ordningen",
    ),
    "semester-fee-not-paid": ("the semester fee is not paid", "semesteravgiften er ikke betalt"),
    "not-registered-student": (
        "you are not a registered student",
        "du er ikke registrert som student",
    ),
    "not-nis-member": (
        "you are not a member of the National Insurance Scheme",
        "du er ikke medlem av folketrygden",
    ),
    "not-full-time-student": (
        "you are not a full-time student abroad",
        "du er ikke heltidsstudent i utlandet",
    ),
    "study-country-in-eea": (
        "your country of study is in the EU/EEA",
        "studielandet ditt er i EU/EØS",
    ),
    "spouse-not-covered": (
        "a spouse is not covered by the student's rights",
        "ektefelle er ikke omfattet av studentens rettigheter",
    ),
    "deadline-passed": ("the deadline had passed", "fristen var ute"),
    "untranslated-document": (
        "a document must be translated into Norwegian, Danish, Swedish or English",
        "et dokument må oversettes til norsk, dansk, svensk eller engelsk",
    ),
    "below-threshold": (
        "this year's expenses have not yet passed the amount you pay yourself",
        "årets utgifter har ennå ikke passert beløpet du betaler selv",
    ),
    "above-exemption-card-limit": (
        "the exemption card limit is reached: Helfo covers the rest",
        "egenandelstaket er nådd: Helfo dekker resten",
    ),
    "resubmission-late": (
        "the deadline for sending a completed application again had passed",
        "fristen for å sende inn søknaden på nytt var ute",
    ),
    "excluded-category": (
        "this kind of expense is not covered",
        "denne typen utgift dekkes ikke",
    ),
    "not-public-user-fee": (
        "only user fees under the public scheme are covered",
        "bare egenandeler i den offentlige ordningen dekkes",
    ),
    "outside-period": (
        "the date is outside the period applied for",
        "datoen er utenfor perioden det søkes for",
    ),
    "outside-coverage-period": (
        "the treatment was after your rights abroad ended",
        "behandlingen var etter at rettighetene dine i utlandet opphørte",
    ),
    "referral-required": ("a referral is needed", "henvisning kreves"),
    "travel-too-short": (
        "the trip is 10 km or less each way",
        "reisen er 10 km eller kortere hver vei",
    ),
    "travel-below-minimum-fare": (
        "the trip costs no more than the local minimum public-transport fare",
        "reisen koster ikke mer enn laveste lokale kollektivtakst",
    ),
    "companion-not-covered": (
        "a companion is covered only for a patient under 18",
        "ledsager dekkes bare for pasienter under 18 år",
    ),
    "duplicate-expense": (
        "this expense was already refunded in an earlier claim",
        "denne utgiften er allerede refundert i et tidligere krav",
    ),
    "manual-assessment": (
        "a caseworker assesses this expense",
        "en saksbehandler vurderer denne utgiften",
    ),
    "override": (
        "the caseworker changed this line; the justification is in the letter",
        "saksbehandleren endret denne linjen; begrunnelsen står i brevet",
    ),
    "within-threshold": (
        "part of the amount is within what you pay yourself",
        "deler av beløpet er innenfor det du betaler selv",
    ),
    "patient-not-covered": (
        "the scheme does not cover this patient",
        "ordningen dekker ikke denne pasienten",
    ),
    "insufficient-study-load": (
        "you take fewer credits in the study year than the scheme asks",
        "du tar færre studiepoeng i studieåret enn ordningen krever",
    ),
    "outside-application-window": (
        "applications open later in the year",
        "søknadsperioden har ikke begynt",
    ),
    "below-minimum-payout": (
        "the refund is below the smallest amount paid out; the expenses can be claimed again "
        "with later ones",
        "refusjonen er under minste utbetaling; utgiftene kan tas med i en senere søknad",
    ),
    "cap-reached": (
        "the most the scheme pays is reached",
        "det meste ordningen betaler er nådd",
    ),
    "outside-norway": (
        "only treatment in Norway is covered",
        "bare behandling i Norge dekkes",
    ),
}

OUTCOMES: dict[str, tuple[str, str]] = {
    "approved": ("approved", "innvilget"),
    "partially_approved": ("partially approved", "delvis innvilget"),
    "rejected": ("rejected", "avslått"),
    "returned": ("returned for completion", "returnert for utfylling"),
    "invalid": ("could not be read", "kunne ikke leses"),
    "accepted": ("accepted", "godkjent"),
    "referred": ("sent to a caseworker", "sendt til saksbehandler"),
}

SCHEMES: dict[str, tuple[str, str]] = {
    "sio": ("SiO refund of healthcare expenses", "SiO helserefusjon"),
    "ssn": ("SSN Helse health expense refund", "SSN Helse helserefusjon"),
    "helfo_abroad": (
        "Helfo reimbursement for students outside the EU/EEA",
        "Helfo-refusjon for studenter utenfor EU/EØS",
    ),
    # The schemes written as files: their names as the files give them (test_scheme_language).
    "sis": ("SiS health refund", "SiS helserefusjon"),
    "sia": ("SiA health fund", "SiA helsekasse"),
    "siost": ("SiØ money back", "SiØ penger tilbake"),
    "studentinord": ("Studentinord health fund", "Studentinord helsekasse"),
    "sivolda": ("SiVolda health fund", "SiVolda helsekasse"),
    "sammen": ("Sammen health fund", "Sammen helsefond"),
}

POTS: dict[str, tuple[str, str]] = {
    "user_fees": ("public user fees", "offentlige egenandeler"),
    "other": ("other treatment", "annen behandling"),
    "dental": ("dental care", "tannbehandling"),
}


# The institutions the schemes' rules name, by the code the rules use (the same names the
# institution register holds).
INSTITUTIONS: dict[str, tuple[str, str]] = {
    "uio": ("University of Oslo", "Universitetet i Oslo"),
    "usn": ("University of South-Eastern Norway", "Universitetet i Sørøst-Norge"),
    "oslomet-kjeller": ("OsloMet Kjeller", "OsloMet Kjeller"),
    "hioa-kjeller": ("HiOA Kjeller", "HiOA Kjeller"),
    "hioa-kongsvinger": ("HiOA Kongsvinger", "HiOA Kongsvinger"),
    "hioa-sandvika": ("HiOA Sandvika", "HiOA Sandvika"),
    "phs-stavern": ("Norwegian Police University College, Stavern", "Politihøgskolen Stavern"),
    "fagskolen-viken": ("Fagskolen i Viken, Kongsberg", "Fagskolen i Viken, Kongsberg"),
    "fagskolen-vestfold-telemark": (
        "Fagskolen Vestfold og Telemark",
        "Fagskolen Vestfold og Telemark",
    ),
    "uis": ("University of Stavanger", "Universitetet i Stavanger"),
    "vid-stavanger": (
        "VID Specialized University, Stavanger",
        "VID vitenskapelige høgskole, Stavanger",
    ),
    "bi-stavanger": ("BI Norwegian Business School, Stavanger", "Handelshøyskolen BI, Stavanger"),
    "fagskolen-rogaland": ("Fagskolen Rogaland", "Fagskolen Rogaland"),
    "uia": ("University of Agder", "Universitetet i Agder"),
    "fagskolen-agder": ("Fagskolen i Agder", "Fagskolen i Agder"),
    "hiof": ("Østfold University College", "Høgskolen i Østfold"),
    "fagskolen-viken-fredrikstad": (
        "Fagskolen i Viken, Fredrikstad",
        "Fagskolen i Viken, Fredrikstad",
    ),
    "nord": ("Nord University", "Nord universitet"),
    "hivolda": ("Volda University College", "Høgskulen i Volda"),
    "uib": ("University of Bergen", "Universitetet i Bergen"),
    "hvl": ("Western Norway University of Applied Sciences", "Høgskulen på Vestlandet"),
    "nhh": ("NHH Norwegian School of Economics", "Norges Handelshøyskole"),
}


def term(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    """The plain words for ``code`` in ``lang``; a code with no words is shown as it is."""
    words = table.get(code)
    if words is None:
        return code
    return words[1] if lang == "nb" else words[0]


# Every code a list-valued parameter may hold, for writing such a list in words.
CODES: dict[str, tuple[str, str]] = {**CATEGORIES, **DOCUMENTS, **INSTITUTIONS}


def reason_text(code: str, lang: str) -> str:
    """A reason code in plain words, ``missing-document:<type>`` included."""
    if code.startswith("missing-document:"):
        document = term(DOCUMENTS, code.partition(":")[2], lang)
        return f"missing: {document}" if lang == "en" else f"mangler: {document}"
    return term(REASONS, code, lang)
