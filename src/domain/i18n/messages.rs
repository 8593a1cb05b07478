//! Every text of the UI and the report, Danish first. Placeholders are `{name}`.

super::define_messages! {
    // --- App frame ---
    AppName { da: "Helhedsplan-tjek", en: "Helhedsplan-tjek" }
    AppTagline { da: "Tjek en boligsocial helhedsplan mod Københavns Kommunes krav", en: "Check a housing-social comprehensive plan against the City of Copenhagen's requirements" }
    SkipToContent { da: "Gå til indholdet", en: "Skip to content" }
    MainNavigation { da: "Hovedmenu", en: "Main menu" }
    NavStart { da: "Forside", en: "Home" }
    NavData { da: "Dine data", en: "Your data" }
    NavGroup { da: "Workshop", en: "Workshop" }
    LanguageSwitch { da: "Sprog", en: "Language" }
    SavedStatus { da: "Gemt", en: "Saved" }
    SavedStatusAt { da: "Gemt kl. {time}", en: "Saved at {time}" }
    NotSavedStatus { da: "Ikke gemt", en: "Not saved" }
    FooterPrivacy { da: "Jeres svar gemmes kun i denne browser. Intet sendes nogen steder hen.", en: "Your answers are stored only in this browser. Nothing is sent anywhere." }
    FooterSource { da: "Indholdet er citeret fra {title}, {publisher}, {date}.", en: "The content is quoted from {title}, {publisher}, {date}." }
    ShowLatest { da: "Vis ændringerne", en: "Show the changes" }
    Dismiss { da: "Luk", en: "Close" }
    GoToData { da: "Gå til Dine data", en: "Go to Your data" }
    NoticeStorageUnavailable { da: "Denne browser lader ikke Helhedsplan-tjek gemme noget, fx i privat tilstand eller når værktøjet er indlejret på en anden side. Jeres svar findes kun, så længe siden er åben.", en: "This browser does not let Helhedsplan-tjek store anything, for example in private mode or when the tool is embedded in another site. Your answers exist only while the page is open." }
    NoticeQuotaExceeded { da: "Browserens lager er fuldt, så den seneste ændring er ikke gemt. Den er stadig på skærmen.", en: "The browser's storage is full, so the latest change has not been saved. It is still on screen." }
    NoticeSaveFailed { da: "Den seneste ændring kunne ikke gemmes. Den er stadig på skærmen.", en: "The latest change could not be saved. It is still on screen." }
    NoticeExportWayOut { da: "Eksportér jeres svar til en fil, så I ikke mister dem", en: "Export your answers to a file so you do not lose them" }
    NoticeQuarantine { da: "Nogle gemte data kunne ikke læses. De er lagt til side og ikke slettet.", en: "Some stored data could not be read. It has been set aside, not deleted." }
    NoticeChangedElsewhere { da: "Vurderingen er ændret i en anden fane. Begge fanes ændringer er gemt, og intet er gået tabt.", en: "The assessment was changed in another tab. Both tabs' changes are saved, and nothing was lost." }
    NotFoundHeading { da: "Siden findes ikke", en: "Page not found" }
    NotFoundText { da: "Adressen passer ikke til nogen side i Helhedsplan-tjek.", en: "The address does not match any page in Helhedsplan-tjek." }
    AssessmentMissingHeading { da: "Vurderingen findes ikke", en: "Assessment not found" }
    AssessmentMissingText { da: "Der er ingen vurdering med denne adresse i denne browser. Den kan være slettet, eller den er gemt i en anden browser.", en: "There is no assessment at this address in this browser. It may have been deleted, or it is stored in another browser." }
    ItemMissingText { da: "Punktet findes ikke i kataloget.", en: "The item does not exist in the catalogue." }
    GoToStart { da: "Gå til forsiden", en: "Go to the home page" }
    Loading { da: "Indlæser …", en: "Loading …" }

    // --- Start page ---
    StartHeading { da: "Er jeres helhedsplan klar til kommunal medfinansiering?", en: "Is your comprehensive plan ready for municipal co-financing?" }
    StartIntro { da: "Helhedsplan-tjek gennemgår alle de krav og anbefalinger, som Københavns Kommune stiller til boligsociale helhedsplaner, ét punkt ad gangen. Til sidst får I en parathedsrapport, som I kan vedlægge ansøgningen, give til bestyrelsen og bruge som arbejdsplan.", en: "Helhedsplan-tjek goes through every requirement and recommendation the City of Copenhagen sets for housing-social comprehensive plans, one item at a time. At the end you get a readiness report to attach to your application, hand to your board and use as a work plan." }
    StartPrivacyHeading { da: "Jeres svar bliver i denne browser", en: "Your answers stay in this browser" }
    StartPrivacyText { da: "Alt, hvad I skriver, gemmes med det samme i denne browser og sendes aldrig nogen steder hen. I kan lukke fanen og fortsætte en anden dag. Vil I flytte arbejdet til en anden computer, så eksportér en fil under Dine data.", en: "Everything you type is saved at once in this browser and is never sent anywhere. You can close the tab and continue another day. To move your work to another computer, export a file under Your data." }
    StartHowHeading { da: "Sådan foregår det", en: "How it works" }
    StartStepProfile { da: "Udfyld profilen: plantype, ny plan eller fornyelse, og om der er en områdefornyelse i området.", en: "Fill in the profile: plan type, new plan or renewal, and whether there is an area renewal in the area." }
    StartStepItems { da: "Gå de {count} punkter igennem ét ad gangen, og sæt flueben ved det, planen opfylder.", en: "Go through the {count} items one at a time, and tick what the plan meets." }
    StartStepReport { da: "Tjek jeres svar, og udskriv parathedsrapporten eller gem den som PDF.", en: "Check your answers, and print the readiness report or save it as a PDF." }
    StartButton { da: "Start en ny vurdering", en: "Start a new assessment" }
    SavedHeading { da: "Vurderinger i denne browser", en: "Assessments in this browser" }
    SavedNone { da: "Der er ingen gemte vurderinger i denne browser endnu.", en: "There are no saved assessments in this browser yet." }
    Untitled { da: "Unavngiven plan", en: "Untitled plan" }
    ColPlan { da: "Plan", en: "Plan" }
    ColChanged { da: "Senest ændret", en: "Last changed" }
    ColProgress { da: "Besvaret", en: "Answered" }
    ColVerdict { da: "Vurdering", en: "Verdict" }
    ColActions { da: "Handlinger", en: "Actions" }
    Open { da: "Åbn", en: "Open" }
    OpenNamed { da: "Åbn {name}", en: "Open {name}" }
    Rename { da: "Omdøb", en: "Rename" }
    RenameNamed { da: "Omdøb {name}", en: "Rename {name}" }
    RenameLabel { da: "Nyt navn", en: "New name" }
    SaveName { da: "Gem navn", en: "Save name" }
    Duplicate { da: "Kopiér", en: "Duplicate" }
    DuplicateNamed { da: "Kopiér {name}", en: "Duplicate {name}" }
    Delete { da: "Slet", en: "Delete" }
    DeleteNamed { da: "Slet {name}", en: "Delete {name}" }
    Cancel { da: "Annullér", en: "Cancel" }
    DeleteConfirm { da: "Vil I slette {name}? Alle svar i vurderingen forsvinder fra denne browser.", en: "Delete {name}? All answers in the assessment will disappear from this browser." }
    DeleteConfirmYes { da: "Ja, slet vurderingen", en: "Yes, delete the assessment" }
    Deleted { da: "{name} er slettet.", en: "{name} has been deleted." }
    Undo { da: "Fortryd", en: "Undo" }
    Restored { da: "{name} er gendannet.", en: "{name} has been restored." }
    CopyOf { da: "Kopi af {name}", en: "Copy of {name}" }
    Duplicated { da: "Der er lavet en kopi: {name}.", en: "A copy has been made: {name}." }
    Renamed { da: "Navnet er gemt.", en: "The name has been saved." }
    ProgressCount { da: "{done} af {total} besvaret", en: "{done} of {total} answered" }
    FocusAreasHeading { da: "Kommunens fire fokusområder", en: "The municipality's four focus areas" }
    FocusAreasIntro { da: "Evalueringen peger på fire områder, hvor helhedsplanerne kan styrkes:", en: "The evaluation points to four areas where the plans can be strengthened:" }

    // --- Steps ---
    Steps { da: "Trin", en: "Steps" }
    StepProfile { da: "Profil", en: "Profile" }
    StepItems { da: "Krav og anbefalinger", en: "Requirements and recommendations" }
    StepCheck { da: "Tjek svar", en: "Check answers" }
    StepReport { da: "Rapport", en: "Report" }
    StepCurrent { da: "(aktuelt trin)", en: "(current step)" }

    // --- Profile ---
    ProfileHeading { da: "Profil: hvilken plan vurderer I?", en: "Profile: which plan are you assessing?" }
    ProfileIntro { da: "Profilen afgør, hvilke punkter der gælder for jeres plan. I kan ændre den når som helst.", en: "The profile decides which items apply to your plan. You can change it at any time." }
    FieldPlanName { da: "Planens navn", en: "Name of the plan" }
    FieldOrganisation { da: "Boligorganisation", en: "Housing organisation" }
    FieldHousingArea { da: "Boligområde og afdelinger", en: "Housing area and estates" }
    FieldHousingAreaHint { da: "Fx boligområdets navn og afdelingsnumre.", en: "For example the area's name and estate numbers." }
    FieldAssessor { da: "Udfyldt af", en: "Filled in by" }
    FieldAssessorHint { da: "Navn og rolle på den eller dem, der udfylder vurderingen.", en: "Name and role of whoever fills in the assessment." }
    FieldDate { da: "Dato for vurderingen", en: "Date of the assessment" }
    FieldPlanType { da: "Plantype", en: "Plan type" }
    FieldPlanTypeHint { da: "Typerne er beskrevet med kommunens egne ord.", en: "The types are described in the municipality's own words." }
    ApplicabilityChanged { da: "Ændringen påvirker, hvad der gælder:", en: "The change affects what applies:" }
    NowApplies { da: "{code} {title} gælder nu.", en: "{code} {title} now applies." }
    NoLongerApplies { da: "{code} {title} gælder ikke længere.", en: "{code} {title} no longer applies." }
    ToOverview { da: "Videre til oversigten", en: "Continue to the overview" }

    // --- Overview ---
    OverviewHeading { da: "Oversigt", en: "Overview" }
    OverviewIntro { da: "Vælg et punkt for at besvare det. I kan tage dem i den rækkefølge, I vil.", en: "Choose an item to answer it. You can take them in any order." }
    CurrentVerdict { da: "Vurdering lige nu", en: "Verdict right now" }
    ProgressNotStarted { da: "Ikke startet", en: "Not started" }
    ProgressInProgress { da: "I gang", en: "In progress" }
    ProgressAnswered { da: "Besvaret", en: "Answered" }
    ProgressNotRelevant { da: "Ikke relevant", en: "Not relevant" }
    DoesNotApply { da: "Gælder ikke for jeres plan", en: "Does not apply to your plan" }
    AppliesUnclear { da: "Gælder, indtil profilen er afklaret", en: "Applies until the profile is clarified" }
    IncludedByUser { da: "Medtaget af jer", en: "Included by you" }
    EditProfile { da: "Ret profilen", en: "Edit the profile" }
    ToCheck { da: "Tjek jeres svar", en: "Check your answers" }
    ProjectorView { da: "Projektorvisning", en: "Projector view" }
    ProfileSummary { da: "Profil", en: "Profile" }
    NotChosen { da: "Ikke valgt", en: "Not chosen" }
    NotFilledIn { da: "Ikke udfyldt", en: "Not filled in" }

    // --- Item page ---
    KindKrav { da: "Krav", en: "Requirement" }
    KindAnbefaling { da: "Anbefaling", en: "Recommendation" }
    KindForudsaetning { da: "Forudsætning", en: "Prerequisite" }
    ItemOf { da: "Punkt {n} af {total}", en: "Item {n} of {total}" }
    RequirementSays { da: "Det siger kommunen", en: "What the municipality says" }
    QuotedFrom { da: "Citeret fra {title}, {date}.", en: "Quoted from {title}, {date}." }
    InPractice { da: "Sådan ser det ud i praksis", en: "What it looks like in practice" }
    AppliesTo { da: "Gælder", en: "Applies to" }
    WhyThisItem { da: "Hvorfor dette punkt?", en: "Why this item?" }
    WhyIntro { da: "Fra {title}:", en: "From {title}:" }
    ElementsLegend { da: "Hvad indeholder planen?", en: "What does the plan contain?" }
    ElementsHint { da: "Sæt flueben ved hvert element, planen opfylder. Punktet er først opfyldt, når alle elementer er det.", en: "Tick each element the plan meets. The item is only met when all its elements are." }
    StatusLegend { da: "Hvor godt opfylder planen punktet?", en: "How well does the plan meet the item?" }
    StatusMet { da: "Opfyldt", en: "Met" }
    StatusPartlyMet { da: "Delvist opfyldt", en: "Partly met" }
    StatusNotMet { da: "Ikke opfyldt", en: "Not met" }
    StatusNotRelevant { da: "Ikke relevant", en: "Not relevant" }
    StatusUnanswered { da: "Ikke besvaret", en: "Not answered" }
    FieldNotRelevantReason { da: "Hvorfor er punktet ikke relevant for jeres plan?", en: "Why is the item not relevant to your plan?" }
    FieldNotRelevantReasonHint { da: "Skal udfyldes. Begrundelsen står i rapporten, så kommunen kan tage stilling til den.", en: "Required. The reason appears in the report so the municipality can judge it." }
    FieldDocumentedIn { da: "Hvor i planen står det?", en: "Where in the plan is it documented?" }
    FieldDocumentedInHint { da: "Fx afsnit 3.2, side 14.", en: "For example section 3.2, page 14." }
    FieldNotes { da: "Noter", en: "Notes" }
    ActionLegend { da: "Handling", en: "Action" }
    ActionHint { da: "Punktet er ikke opfyldt endnu. Hvad gør I, hvem har ansvaret, og hvornår er det gjort?", en: "The item is not met yet. What will you do, who is responsible, and by when?" }
    FieldActionDescription { da: "Hvad skal der gøres?", en: "What needs to be done?" }
    FieldActionOwner { da: "Ansvarlig", en: "Responsible" }
    FieldActionDeadline { da: "Frist", en: "Deadline" }
    DoesNotApplyNotice { da: "Ifølge profilen gælder punktet ikke for jeres plan. Det tæller ikke med i vurderingen, medmindre I vælger at medtage det.", en: "According to the profile, the item does not apply to your plan. It does not count in the verdict unless you choose to include it." }
    IncludeAnyway { da: "Medtag punktet alligevel", en: "Include the item anyway" }
    IncludeAnywayReason { da: "Hvorfor medtager I punktet?", en: "Why do you include the item?" }
    Previous { da: "Forrige", en: "Previous" }
    PreviousItem { da: "Forrige: {code} {title}", en: "Previous: {code} {title}" }
    Next { da: "Næste", en: "Next" }
    NextItem { da: "Næste: {code} {title}", en: "Next: {code} {title}" }
    BackToOverview { da: "Tilbage til oversigten", en: "Back to the overview" }
    BackToCheck { da: "Tilbage til Tjek jeres svar", en: "Back to Check your answers" }
    ItemNavigation { da: "Skift punkt", en: "Move between items" }
    WarningPrefix { da: "Advarsel: ", en: "Warning: " }
    ErrorSummaryHeading { da: "Der er noget, I bør se på", en: "There is something to look at" }

    // --- Warnings ---
    WarnMetWithUnticked { da: "Punktet er markeret som opfyldt, men {count} element(er) er ikke krydset af.", en: "The item is marked as met, but {count} element(s) are not ticked." }
    WarnNotMetAllTicked { da: "Alle elementer er krydset af, men punktet er markeret som ikke opfyldt.", en: "Every element is ticked, but the item is marked as not met." }
    WarnNotRelevantNoReason { da: "Ikke relevant kræver en begrundelse. Indtil den er skrevet, tæller punktet som ikke besvaret.", en: "Not relevant needs a reason. Until it is written, the item counts as not answered." }
    WarnNoAction { da: "Punktet er ikke helt opfyldt. Beskriv, hvad I vil gøre.", en: "The item is not fully met. Describe what you will do." }
    WarnNoOwner { da: "Handlingen mangler en ansvarlig.", en: "The action has no one responsible." }
    WarnNoDeadline { da: "Handlingen mangler en frist.", en: "The action has no deadline." }
    WarnDeadlinePassed { da: "Fristen {date} er overskredet.", en: "The deadline {date} has passed." }
    WarnDeadlineInvalid { da: "Fristen er ikke en gyldig dato.", en: "The deadline is not a valid date." }
    WarnIncludedNoReason { da: "Skriv, hvorfor I medtager punktet.", en: "Write why you include the item." }
    WarnPlanTypeMissing { da: "Vælg en plantype. Uden den kan der ikke gives en samlet vurdering.", en: "Choose a plan type. Without it no overall verdict can be given." }
    WarnQuestionMissing { da: "Ikke besvaret: {question} Indtil da gælder de punkter, der afhænger af svaret.", en: "Not answered: {question} Until then, the items that depend on it apply." }
    WarnQuestionUnclear { da: "Skal afklares: {question} Indtil da gælder de punkter, der afhænger af svaret.", en: "To be clarified: {question} Until then, the items that depend on it apply." }

    // --- Check answers ---
    CheckHeading { da: "Tjek jeres svar", en: "Check your answers" }
    CheckIntro { da: "Her er alle svar samlet. Ret et svar, og I kommer tilbage hertil bagefter.", en: "Here are all the answers in one place. Change an answer and you will come back here afterwards." }
    Change { da: "Ret", en: "Change" }
    ChangeNamed { da: "Ret {name}", en: "Change {name}" }
    LabelStatus { da: "Status", en: "Status" }
    LabelElements { da: "Elementer", en: "Elements" }
    ElementsTicked { da: "{ticked} af {total} krydset af", en: "{ticked} of {total} ticked" }
    LabelAction { da: "Handling", en: "Action" }
    ActionSummary { da: "{description} (ansvarlig: {owner}, frist: {deadline})", en: "{description} (responsible: {owner}, deadline: {deadline})" }
    OpenReport { da: "Se parathedsrapporten", en: "View the readiness report" }
    NoAnswer { da: "–", en: "–" }

    // --- Verdicts ---
    VerdictReady { da: "Klar", en: "Ready" }
    VerdictAlmostReady { da: "Næsten klar", en: "Almost ready" }
    VerdictNotReady { da: "Ikke klar", en: "Not ready" }
    VerdictIncomplete { da: "Ufuldstændig", en: "Incomplete" }
    MeaningReadyKrav { da: "Alle krav, der gælder for planen, er opfyldt. Planen lever op til kommunens forudsætninger for medfinansiering.", en: "Every requirement that applies to the plan is met. The plan meets the municipality's prerequisites for co-financing." }
    MeaningAlmostReadyKrav { da: "Intet krav er uopfyldt, men nogle er kun delvist opfyldt. De skal være helt opfyldt, før planen lever op til forudsætningerne for medfinansiering.", en: "No requirement is unmet, but some are only partly met. They must be fully met before the plan meets the prerequisites for co-financing." }
    MeaningNotReadyKrav { da: "Mindst ét krav er ikke opfyldt. Planen lever endnu ikke op til forudsætningerne for kommunal medfinansiering.", en: "At least one requirement is not met. The plan does not yet meet the prerequisites for municipal co-financing." }
    MeaningIncompleteKrav { da: "Nogle krav er ikke besvaret endnu. Besvar dem for at få en samlet vurdering.", en: "Some requirements have not been answered yet. Answer them to get an overall verdict." }
    MeaningReadyPrerequisite { da: "Planen supplerer og understøtter de kommunale tilbud, som er forudsætningen for godkendelse uden kommunal medfinansiering. Kravene er god praksis.", en: "The plan supplements and supports the municipal services, which is the prerequisite for approval without municipal co-financing. The requirements are good practice." }
    MeaningAlmostReadyPrerequisite { da: "Forudsætningen for godkendelse uden medfinansiering er kun delvist opfyldt.", en: "The prerequisite for approval without co-financing is only partly met." }
    MeaningNotReadyPrerequisite { da: "Forudsætningen for godkendelse uden medfinansiering er ikke opfyldt.", en: "The prerequisite for approval without co-financing is not met." }
    MeaningIncompletePrerequisite { da: "Forudsætningen for godkendelse uden medfinansiering er ikke besvaret endnu.", en: "The prerequisite for approval without co-financing has not been answered yet." }
    MeaningNoPlanType { da: "Vælg en plantype i profilen for at få en samlet vurdering.", en: "Choose a plan type in the profile to get an overall verdict." }
    CountsDecidingKrav { da: "Optælling over de krav, der gælder:", en: "Count over the requirements that apply:" }
    CountsDecidingPrerequisite { da: "Optælling over forudsætningen:", en: "Count over the prerequisite:" }
    CountMet { da: "{n} opfyldt", en: "{n} met" }
    CountPartlyMet { da: "{n} delvist opfyldt", en: "{n} partly met" }
    CountNotMet { da: "{n} ikke opfyldt", en: "{n} not met" }
    CountNotRelevant { da: "{n} ikke relevant", en: "{n} not relevant" }
    CountUnanswered { da: "{n} ikke besvaret", en: "{n} not answered" }

    // --- Report ---
    ReportHeading { da: "Parathedsrapport", en: "Readiness report" }
    ReportTitle { da: "Parathedsrapport: {plan}", en: "Readiness report: {plan}" }
    ReportNewOrRenewal { da: "Ny plan eller fornyelse", en: "New plan or renewal" }
    ReportJudgedAgainst { da: "Vurderet mod", en: "Judged against" }
    ReportCatalogue { da: "{title}, katalog {id} version {version}", en: "{title}, catalogue {id} version {version}" }
    ReportSource { da: "Kilde", en: "Source" }
    ReportSourceText { da: "{title}, {publisher}, {date}", en: "{title}, {publisher}, {date}" }
    ReportCreated { da: "Udskrevet {date} fra Helhedsplan-tjek.", en: "Printed {date} from Helhedsplan-tjek." }
    ReportVerdictHeading { da: "Samlet vurdering", en: "Overall verdict" }
    ReportSectionsHeading { da: "Opfyldelse pr. afsnit", en: "Fulfilment by section" }
    ReportSectionsIntro { da: "Opfyldt tæller 1, delvist opfyldt ½, over de punkter, der gælder.", en: "Met counts 1, partly met ½, over the items that apply." }
    ReportChartTitle { da: "Opfyldelse i procent pr. afsnit og samlet", en: "Fulfilment in per cent by section and overall" }
    ReportOverall { da: "Samlet", en: "Overall" }
    ReportScoreLine { da: "{section}: {percent} % af {count} punkter", en: "{section}: {percent} % of {count} items" }
    ReportScoreNone { da: "{section}: ingen punkter gælder", en: "{section}: no items apply" }
    ReportMatrixHeading { da: "Punkt for punkt", en: "Item by item" }
    ColCode { da: "Nr.", en: "No." }
    ColTitle { da: "Punkt", en: "Item" }
    ColKind { da: "Art", en: "Kind" }
    ColStatus { da: "Status", en: "Status" }
    ColDocumented { da: "Hvor i planen", en: "Where in the plan" }
    ColNotes { da: "Noter", en: "Notes" }
    ReasonLabel { da: "Begrundelse", en: "Reason" }
    IncludedReasonLabel { da: "Medtaget af jer. Begrundelse", en: "Included by you. Reason" }
    ReportActionsHeading { da: "Handlingsplan", en: "Action plan" }
    ColAction { da: "Handling", en: "Action" }
    ColOwner { da: "Ansvarlig", en: "Responsible" }
    ColDeadline { da: "Frist", en: "Deadline" }
    Overdue { da: "Overskredet", en: "Overdue" }
    NoDeadline { da: "Ingen frist", en: "No deadline" }
    NoOwner { da: "Ingen ansvarlig", en: "No one responsible" }
    NoActions { da: "Der er ingen åbne handlinger.", en: "There are no open actions." }
    ReportRecommendationsHeading { da: "Anbefalinger", en: "Recommendations" }
    ReportRecommendationsIntro { da: "Anbefalinger blokerer ikke for medfinansiering, men kommunen lægger vægt på dem.", en: "Recommendations do not block co-financing, but the municipality values them." }
    ReportPrerequisiteHeading { da: "Forudsætning for godkendelse uden medfinansiering", en: "Prerequisite for approval without co-financing" }
    ReportGoodPractice { da: "Planen søger godkendelse uden kommunal medfinansiering. Forudsætningen afgør vurderingen, og kravene ovenfor er god praksis.", en: "The plan seeks approval without municipal co-financing. The prerequisite decides the verdict, and the requirements above are good practice." }
    ReportWarningsHeading { da: "Advarsler", en: "Warnings" }
    NoWarnings { da: "Der er ingen advarsler: svarene modsiger ikke hinanden.", en: "There are no warnings: the answers do not contradict each other." }
    ReportAppendixHeading { da: "Bilag: punkternes ordlyd", en: "Appendix: the wording of the items" }
    ReportAppendixIntro { da: "Ordlyden er citeret fra {title} ({publisher}, {date}). {preamble}", en: "The wording is quoted from {title} ({publisher}, {date}). {preamble}" }
    ReportDanishOriginal { da: "Dansk original", en: "Danish original" }
    PrintReport { da: "Udskriv / gem som PDF", en: "Print / save as PDF" }
    DownloadReport { da: "Hent rapporten som HTML-fil", en: "Download the report as an HTML file" }
    PageLabel { da: "Side", en: "Page" }
}
