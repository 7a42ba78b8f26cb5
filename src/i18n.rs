//! The interface's words in English and Albanian: one typed table per language, so a label
//! missing in one language is a compile error, not a blank. Templates take `{0}`, `{1}`… (see
//! [`fill`]); numbers and dates are formatted for the language here too.

use lexo_core::{EntityKind, SourceFormat};
use serde::{Deserialize, Serialize};

/// Languages the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum UiLang {
    #[default]
    En,
    Sq,
}

impl UiLang {
    pub const ALL: [UiLang; 2] = [UiLang::En, UiLang::Sq];

    /// BCP 47 tag, for `lang` attributes and the select's values.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::En => "en",
            UiLang::Sq => "sq",
        }
    }

    pub fn parse(code: &str) -> Option<UiLang> {
        UiLang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The interface language for a browser's preferred languages: Albanian when the first
    /// language it has an interface for is Albanian.
    pub fn from_browser<'a>(preferred: impl IntoIterator<Item = &'a str>) -> UiLang {
        preferred
            .into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
                UiLang::parse(&primary)
            })
            .unwrap_or_default()
    }

    /// Its own name ("English", "Shqip").
    pub fn endonym(self) -> &'static str {
        match self {
            UiLang::En => "English",
            UiLang::Sq => "Shqip",
        }
    }

    pub fn t(self) -> &'static Texts {
        match self {
            UiLang::En => &EN,
            UiLang::Sq => &SQ,
        }
    }

    pub fn kind_label(self, kind: EntityKind) -> &'static str {
        let t = self.t();
        match kind {
            EntityKind::Per => t.kind_per,
            EntityKind::Loc => t.kind_loc,
            EntityKind::Org => t.kind_org,
            EntityKind::Misc => t.kind_misc,
        }
    }

    pub fn format_name(self, format: SourceFormat) -> &'static str {
        let t = self.t();
        match format {
            SourceFormat::PlainText => t.format_text,
            SourceFormat::Html => "HTML",
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Json => "JSON",
            SourceFormat::Docx => t.format_docx,
            SourceFormat::Epub => t.format_epub,
        }
    }

    /// An article language's name in the interface language.
    pub fn language_name(self, code: &str) -> &'static str {
        const NAMES: &[(&str, &str, &str)] = &[
            ("sq", "Albanian", "shqip"),
            ("en", "English", "anglisht"),
            ("de", "German", "gjermanisht"),
            ("fr", "French", "frëngjisht"),
            ("it", "Italian", "italisht"),
            ("es", "Spanish", "spanjisht"),
            ("pt", "Portuguese", "portugalisht"),
            ("nl", "Dutch", "holandisht"),
            ("pl", "Polish", "polonisht"),
            ("sr", "Serbian", "serbisht"),
            ("ru", "Russian", "rusisht"),
            ("el", "Greek", "greqisht"),
            ("tr", "Turkish", "turqisht"),
        ];
        let (en, sq) = NAMES.iter().find(|(c, ..)| *c == code).map_or(("Unknown", "e panjohur"), |(_, en, sq)| (*en, *sq));
        match self {
            UiLang::En => en,
            UiLang::Sq => sq,
        }
    }

    /// 12345 → "12,345" (English) or "12 345" (Albanian, CLDR: a narrow no-break space).
    pub fn number(self, n: usize) -> String {
        let sep = match self {
            UiLang::En => ",",
            UiLang::Sq => "\u{202f}",
        };
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push_str(sep);
            }
            out.push(c);
        }
        out
    }

    /// A date for people: "1 Dec 2026" / "1 dhjetor 2026"; from "YYYY-MM-DD…" (an ISO date or
    /// timestamp). Other forms are returned as they are.
    pub fn date(self, iso: &str) -> String {
        let parts: Option<(i32, usize, u32)> = (|| {
            let y = iso.get(0..4)?.parse().ok()?;
            let m: usize = iso.get(5..7)?.parse().ok()?;
            let d = iso.get(8..10)?.parse().ok()?;
            (iso.as_bytes().get(4) == Some(&b'-') && (1..=12).contains(&m)).then_some((y, m, d))
        })();
        let Some((y, m, d)) = parts else { return iso.to_owned() };
        format!("{d} {} {y}", self.t().months[m - 1])
    }

    /// A moment given in ms since 1970 (UTC) as a date.
    pub fn date_of_ms(self, ms: f64) -> String {
        let days = (ms / 86_400_000.0).floor() as i64;
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        self.date(&format!("{y:04}-{m:02}-{d:02}"))
    }
}

/// `{0}`, `{1}`… of a template replaced by the arguments.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = template.to_owned();
    for (i, a) in args.iter().enumerate() {
        out = out.replace(&format!("{{{i}}}"), a);
    }
    out
}

/// Why a file could not be read, in the interface language. The reasons come from the core and
/// the engine in English (they cross the worker as text); each known form has its Albanian
/// wording here, with the rest of the sentence (a format's name, a size) kept.
pub fn reason(lang: UiLang, english: &str) -> String {
    const FORMS: &[(&str, &str)] = &[
        ("the file is empty", "skedari është bosh"),
        ("not supported: this is a binary file, not text", "nuk mbështetet: është skedar binar, jo tekst"),
        ("not supported: ", "nuk mbështetet: "),
        ("not a readable JSON article: ", "nuk është artikull JSON i lexueshëm: "),
        ("too large: it unpacks to more than ", "shumë i madh: shpaketohet në më shumë se "),
        ("too large: ", "shumë i madh: "),
        ("the file claims to be UTF-16 or UTF-32 but is damaged", "skedari thotë se është UTF-16 ose UTF-32, por është i dëmtuar"),
        ("it took longer than ", "leximi zgjati më shumë se "),
        ("it is nested too deeply to read", "ka elemente të futura njëri brenda tjetrit aq thellë sa nuk lexohet"),
        ("reading it needed more memory than the browser gives", "leximi kërkoi më shumë kujtesë se sa jep shfletuesi"),
        ("no article in it", "nuk ka asnjë artikull"),
        ("the reader failed on it ", "lexuesi dështoi "),
        ("Lexo's reading engine could not start ", "motori i leximit i Lexos nuk u nis "),
        ("the page and its reading engine are of different versions: reload the page", "faqja dhe motori i leximit janë të versioneve të ndryshme: ringarko faqen"),
        ("the browser could not read the file", "shfletuesi nuk e lexoi dot skedarin"),
        ("it could not be handed to the reader ", "nuk iu dorëzua dot lexuesit "),
        ("the reader's answer was unreadable ", "përgjigjja e lexuesit nuk u kuptua "),
        ("the reader for this format stopped on this file", "lexuesi i këtij formati u ndal te ky skedar"),
        (
            "offline: the reader for HTML, Markdown, DOCX and EPUB files is fetched the first time one is opened, so open one online once",
            "pa rrjet: lexuesi i skedarëve HTML, Markdown, DOCX dhe EPUB merret herën e parë që hapet një i tillë, ndaj hapni një të tillë një herë me rrjet",
        ),
        ("the reader module is of another version of Lexo: reload the page", "lexuesi është i një versioni tjetër të Lexos: ringarko faqen"),
        ("the reader module answered something unreadable", "përgjigjja e lexuesit nuk u kuptua"),
        ("not read by this build: ", "nuk lexohet nga ky version: "),
    ];
    if lang == UiLang::En {
        return english.to_owned();
    }
    match FORMS.iter().find(|(en, _)| english.starts_with(en)) {
        Some((en, sq)) => {
            let rest = &english[en.len()..];
            let rest = rest.replace(" MB are not read", " MB nuk lexohen").replace(" over ", " mbi ").replace(" to read", "");
            format!("{sq}{rest}")
        }
        None => english.to_owned(),
    }
}

/// Every label, message and error the interface shows.
pub struct Texts {
    pub tagline: &'static str,
    pub open_files: &'static str,
    pub open_files_title: &'static str,
    pub open_folder: &'static str,
    pub sample: &'static str,
    pub library: &'static str,
    pub entities: &'static str,
    pub settings: &'static str,
    pub help: &'static str,
    pub export: &'static str,
    pub main_toolbar: &'static str,
    // Empty page
    pub empty_title: &'static str,
    pub empty_lead: &'static str,
    pub empty_privacy: &'static str,
    pub empty_sample: &'static str,
    pub empty_formats: &'static str,
    pub drop_here: &'static str,
    // Library
    pub library_label: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub sort: &'static str,
    pub sort_added: &'static str,
    pub sort_title: &'static str,
    pub sort_date: &'static str,
    pub sort_reading_time: &'static str,
    pub reading: &'static str,
    pub remove: &'static str,
    /// {0} file name
    pub remove_named: &'static str,
    /// {0} file name, {1} reason
    pub could_not_read_named: &'static str,
    pub no_match: &'static str,
    /// {0} how many more rows
    pub show_more: &'static str,
    /// {0} shown, {1} all
    pub shown_of: &'static str,
    pub entity_index: &'static str,
    pub entity_index_hint: &'static str,
    /// {0} number of articles (two or more; one is `in_one_article`)
    pub in_articles: &'static str,
    pub in_one_article: &'static str,
    /// {0} name
    pub filtered_by: &'static str,
    pub show_all: &'static str,
    /// {0} done + 1, {1} total
    pub batch_reading: &'static str,
    /// {0} file name
    pub removed_named: &'static str,
    pub undo: &'static str,
    pub dismiss: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    // Reader
    pub pick_a_file: &'static str,
    /// {0} file name
    pub reading_named: &'static str,
    /// {0} read MB, {1} total MB
    pub mb_of: &'static str,
    /// {0} file name
    pub failed_title: &'static str,
    pub failed_help: &'static str,
    pub reading_time_title: &'static str,
    /// {0} count
    pub words: &'static str,
    /// {0} count of names (entities), two or more (or none)
    pub names_count: &'static str,
    pub one_name: &'static str,
    /// {0} date
    pub added_on: &'static str,
    pub image_not_loaded: &'static str,
    pub related: &'static str,
    pub tags: &'static str,
    /// {0} file size, {1} MB read, {2} chars
    pub truncated: &'static str,
    pub skip_to_article: &'static str,
    /// {0} counter
    pub pasted_text: &'static str,
    pub dropped_text: &'static str,
    pub page_title: &'static str,
    /// {0} minutes
    pub minutes_left: &'static str,
    pub finished: &'static str,
    pub progress_label: &'static str,
    // Entity panel
    pub entities_label: &'static str,
    pub show_hide_types: &'static str,
    /// {0} type
    pub show_hide_type: &'static str,
    pub no_names: &'static str,
    pub mentions_in_context: &'static str,
    pub previous_mention: &'static str,
    pub next_mention: &'static str,
    /// {0} position, {1} count
    pub mention_of: &'static str,
    pub close: &'static str,
    pub kind_per: &'static str,
    pub kind_loc: &'static str,
    pub kind_org: &'static str,
    pub kind_misc: &'static str,
    pub format_text: &'static str,
    pub format_docx: &'static str,
    pub format_epub: &'static str,
    // Settings
    pub theme: &'static str,
    pub theme_auto: &'static str,
    pub theme_light: &'static str,
    pub theme_sepia: &'static str,
    pub theme_dark: &'static str,
    pub font_size: &'static str,
    pub smaller_text: &'static str,
    pub larger_text: &'static str,
    pub font_family: &'static str,
    pub serif: &'static str,
    pub sans: &'static str,
    pub line_width: &'static str,
    pub narrow: &'static str,
    pub medium: &'static str,
    pub wide: &'static str,
    pub line_height: &'static str,
    pub compact: &'static str,
    pub normal: &'static str,
    pub loose: &'static str,
    pub highlighted_types: &'static str,
    pub ui_language: &'static str,
    pub shortcuts: &'static str,
    // Export
    pub export_entities_csv: &'static str,
    pub export_entities_json: &'static str,
    pub export_library_csv: &'static str,
    pub export_library_json: &'static str,
    pub export_markdown: &'static str,
    pub export_html: &'static str,
    // Read aloud
    pub read_aloud: &'static str,
    pub pause: &'static str,
    pub resume: &'static str,
    pub stop: &'static str,
    // Help
    pub keys_title: &'static str,
    pub key_next_article: &'static str,
    pub key_prev_article: &'static str,
    pub key_next_mention: &'static str,
    pub key_prev_mention: &'static str,
    pub key_search: &'static str,
    pub key_panel: &'static str,
    pub key_settings: &'static str,
    pub key_help: &'static str,
    pub key_close: &'static str,
    pub months: [&'static str; 12],
}

pub const EN: Texts = Texts {
    tagline: "read articles clean",
    open_files: "Open files",
    open_files_title: "Open article files",
    open_folder: "Open folder",
    sample: "Sample",
    library: "Library",
    entities: "Names",
    settings: "Settings",
    help: "Keys",
    export: "Export",
    main_toolbar: "Lexo",
    empty_title: "Read articles clean.",
    empty_lead: "Drop article files or a folder anywhere on this page, open them with the buttons above, or paste text with Ctrl+V. \
                 Lexo shows each as a clean reader view with its people, places and organisations highlighted, and an honest reading time. \
                 Your library stays in this browser.",
    empty_privacy: "Everything happens in this tab: no file or text ever leaves your machine.",
    empty_sample: "Open a sample article",
    empty_formats: "Reads saved web pages (.html, also gzipped), Markdown, JSON and JSON Lines exports, Word (.docx) and EPUB files, and plain text as scrapers save it, \
                    in any common encoding; in Albanian, English, German, French, Italian, Spanish, Serbian, Greek, Turkish, Russian and more.",
    drop_here: "Drop article files to read them",
    library_label: "Your library",
    search: "Search the library",
    search_placeholder: "Search titles and text",
    sort: "Sort by",
    sort_added: "Recently added",
    sort_title: "Title",
    sort_date: "Publication date",
    sort_reading_time: "Reading time",
    reading: "reading…",
    remove: "Remove",
    remove_named: "Remove {0}",
    could_not_read_named: "Could not read {0}: {1}",
    no_match: "No article matches.",
    show_more: "Show {0} more",
    shown_of: "{0} of {1}",
    entity_index: "Names across the library",
    entity_index_hint: "Choose a name to see the articles that mention it.",
    in_articles: "in {0} articles",
    in_one_article: "in 1 article",
    filtered_by: "Articles that mention {0}",
    show_all: "Show all articles",
    batch_reading: "Reading {0} of {1} files…",
    removed_named: "Removed {0}.",
    undo: "Undo",
    dismiss: "Dismiss",
    storage_unavailable: "This browser does not let Lexo store your library (private mode or storage turned off): articles stay until you close the tab.",
    storage_full: "The browser's storage for Lexo is full: new articles stay until you close the tab. Remove some to make room.",
    pick_a_file: "Pick an article from the library.",
    reading_named: "Reading {0}…",
    mb_of: " {0} of {1} MB",
    failed_title: "Could not read {0}",
    failed_help: "Other files are not affected. Remove this one from the list, or try another file.",
    reading_time_title: "Estimated reading time (Firefox Reader View method)",
    words: "{0} words",
    names_count: "{0} names",
    one_name: "1 name",
    added_on: "added {0}",
    image_not_loaded: "Image not loaded: Lexo never fetches remote content",
    related: "Related (removed from the text)",
    tags: "Tags",
    truncated: "Only the beginning is shown: this file ({0}) is longer than Lexo reads at once ({1} MB of a file, {2} characters of text).",
    skip_to_article: "Skip to the article",
    pasted_text: "Pasted text {0}",
    dropped_text: "Dropped text",
    page_title: "Lexo — read articles clean",
    minutes_left: "{0} min left",
    finished: "Finished",
    progress_label: "Reading progress",
    entities_label: "Named entities",
    show_hide_types: "Show or hide entity types",
    show_hide_type: "Show or hide {0}",
    no_names: "No names found in this article.",
    mentions_in_context: "Mentions in context",
    previous_mention: "Previous mention",
    next_mention: "Next mention",
    mention_of: "{0} of {1}",
    close: "Close",
    kind_per: "Person",
    kind_loc: "Place",
    kind_org: "Organisation",
    kind_misc: "Other name",
    format_text: "plain text",
    format_docx: "Word document",
    format_epub: "EPUB book",
    theme: "Theme",
    theme_auto: "Automatic",
    theme_light: "Light",
    theme_sepia: "Sepia",
    theme_dark: "Dark",
    font_size: "Text size",
    smaller_text: "Smaller text",
    larger_text: "Larger text",
    font_family: "Font",
    serif: "Serif",
    sans: "Sans-serif",
    line_width: "Line width",
    narrow: "Narrow",
    medium: "Medium",
    wide: "Wide",
    line_height: "Line spacing",
    compact: "Compact",
    normal: "Normal",
    loose: "Loose",
    highlighted_types: "Highlighted names",
    ui_language: "Interface language",
    shortcuts: "Single-key shortcuts (j, k, n, p, /, e, ?)",
    export_entities_csv: "This article's names (CSV)",
    export_entities_json: "This article's names (JSON)",
    export_library_csv: "The library's names (CSV)",
    export_library_json: "The library's names (JSON)",
    export_markdown: "Article as Markdown",
    export_html: "Article as HTML with highlights",
    read_aloud: "Read aloud",
    pause: "Pause",
    resume: "Resume",
    stop: "Stop",
    keys_title: "Keyboard",
    key_next_article: "Next article",
    key_prev_article: "Previous article",
    key_next_mention: "Next mention of the chosen name",
    key_prev_mention: "Previous mention",
    key_search: "Search the library",
    key_panel: "Show or hide the names panel",
    key_settings: "Settings",
    key_help: "This help",
    key_close: "Close a dialog or drawer",
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
};

pub const SQ: Texts = Texts {
    tagline: "lexo artikuj të pastër",
    open_files: "Hap skedarë",
    open_files_title: "Hap skedarë artikujsh",
    open_folder: "Hap dosje",
    sample: "Shembull",
    library: "Biblioteka",
    entities: "Emrat",
    settings: "Cilësimet",
    help: "Shkurtoret",
    export: "Eksporto",
    main_toolbar: "Lexo",
    empty_title: "Lexo artikuj të pastër.",
    empty_lead: "Lësho skedarë artikujsh ose një dosje kudo në këtë faqe, hapi me butonat sipër, ose ngjit tekst me Ctrl+V. \
                 Lexo e shfaq secilin si pamje leximi të pastër, me njerëzit, vendet dhe organizatat të theksuara, dhe një kohë leximi të ndershme. \
                 Biblioteka jote mbetet në këtë shfletues.",
    empty_privacy: "Gjithçka ndodh në këtë skedë: asnjë skedar ose tekst nuk largohet nga kompjuteri yt.",
    empty_sample: "Hap një artikull shembull",
    empty_formats: "Lexon faqe interneti të ruajtura (.html, edhe të ngjeshura), Markdown, eksporte JSON dhe JSON Lines, skedarë Word (.docx) dhe EPUB, dhe tekst të thjeshtë siç e ruajnë scraper-at, \
                    në çdo kodim të zakonshëm; në shqip, anglisht, gjermanisht, frëngjisht, italisht, spanjisht, serbisht, greqisht, turqisht, rusisht e të tjera.",
    drop_here: "Lësho skedarët e artikujve për t'i lexuar",
    library_label: "Biblioteka jote",
    search: "Kërko në bibliotekë",
    search_placeholder: "Kërko në tituj dhe tekst",
    sort: "Rendit sipas",
    sort_added: "Shtuar së fundi",
    sort_title: "Titulli",
    sort_date: "Data e botimit",
    sort_reading_time: "Koha e leximit",
    reading: "po lexohet…",
    remove: "Hiq",
    remove_named: "Hiq {0}",
    could_not_read_named: "{0} nuk u lexua: {1}",
    no_match: "Asnjë artikull nuk përputhet.",
    show_more: "Shfaq edhe {0}",
    shown_of: "{0} nga {1}",
    entity_index: "Emrat në të gjithë bibliotekën",
    entity_index_hint: "Zgjidh një emër për të parë artikujt që e përmendin.",
    in_articles: "në {0} artikuj",
    in_one_article: "në 1 artikull",
    filtered_by: "Artikujt që përmendin {0}",
    show_all: "Shfaq të gjithë artikujt",
    batch_reading: "Po lexohet skedari {0} nga {1}…",
    removed_named: "U hoq {0}.",
    undo: "Zhbëj",
    dismiss: "Mbyll",
    storage_unavailable: "Ky shfletues nuk e lejon Lexon të ruajë bibliotekën (modalitet privat ose ruajtje e çaktivizuar): artikujt mbeten derisa të mbyllësh skedën.",
    storage_full: "Hapësira e shfletuesit për Lexon është plot: artikujt e rinj mbeten derisa të mbyllësh skedën. Hiq disa për të liruar vend.",
    pick_a_file: "Zgjidh një artikull nga biblioteka.",
    reading_named: "Po lexohet {0}…",
    mb_of: " {0} nga {1} MB",
    failed_title: "{0} nuk u lexua",
    failed_help: "Skedarët e tjerë nuk preken. Hiqe këtë nga lista, ose provo një skedar tjetër.",
    reading_time_title: "Koha e vlerësuar e leximit (metoda e Firefox Reader View)",
    words: "{0} fjalë",
    names_count: "{0} emra",
    one_name: "1 emër",
    added_on: "shtuar më {0}",
    image_not_loaded: "Imazhi nuk u ngarkua: Lexo nuk merr kurrë përmbajtje nga larg",
    related: "Të ngjashme (të hequra nga teksti)",
    tags: "Etiketa",
    truncated: "Shfaqet vetëm fillimi: ky skedar ({0}) është më i gjatë se sa lexon Lexo njëherësh ({1} MB nga një skedar, {2} shenja teksti).",
    skip_to_article: "Kalo te artikulli",
    pasted_text: "Tekst i ngjitur {0}",
    dropped_text: "Tekst i lëshuar",
    page_title: "Lexo — lexo artikuj të pastër",
    minutes_left: "edhe {0} min",
    finished: "Mbaroi",
    progress_label: "Ecuria e leximit",
    entities_label: "Emrat e përveçëm",
    show_hide_types: "Shfaq ose fshih llojet e emrave",
    show_hide_type: "Shfaq ose fshih: {0}",
    no_names: "Në këtë artikull nuk u gjet asnjë emër.",
    mentions_in_context: "Përmendjet në kontekst",
    previous_mention: "Përmendja e mëparshme",
    next_mention: "Përmendja tjetër",
    mention_of: "{0} nga {1}",
    close: "Mbyll",
    kind_per: "Person",
    kind_loc: "Vend",
    kind_org: "Organizatë",
    kind_misc: "Emër tjetër",
    format_text: "tekst i thjeshtë",
    format_docx: "dokument Word",
    format_epub: "libër EPUB",
    theme: "Pamja",
    theme_auto: "Automatike",
    theme_light: "E çelët",
    theme_sepia: "Sepia",
    theme_dark: "E errët",
    font_size: "Madhësia e tekstit",
    smaller_text: "Tekst më i vogël",
    larger_text: "Tekst më i madh",
    font_family: "Shkronjat",
    serif: "Me këmbëza",
    sans: "Pa këmbëza",
    line_width: "Gjerësia e rreshtit",
    narrow: "E ngushtë",
    medium: "Mesatare",
    wide: "E gjerë",
    line_height: "Hapësira mes rreshtave",
    compact: "E ngjeshur",
    normal: "Normale",
    loose: "E lirshme",
    highlighted_types: "Emrat e theksuar",
    ui_language: "Gjuha e ndërfaqes",
    shortcuts: "Shkurtore me një tast (j, k, n, p, /, e, ?)",
    export_entities_csv: "Emrat e këtij artikulli (CSV)",
    export_entities_json: "Emrat e këtij artikulli (JSON)",
    export_library_csv: "Emrat e bibliotekës (CSV)",
    export_library_json: "Emrat e bibliotekës (JSON)",
    export_markdown: "Artikulli si Markdown",
    export_html: "Artikulli si HTML me theksimet",
    read_aloud: "Lexo me zë",
    pause: "Pauzë",
    resume: "Vazhdo",
    stop: "Ndalo",
    keys_title: "Shkurtoret e tastierës",
    key_next_article: "Artikulli tjetër",
    key_prev_article: "Artikulli i mëparshëm",
    key_next_mention: "Përmendja tjetër e emrit të zgjedhur",
    key_prev_mention: "Përmendja e mëparshme",
    key_search: "Kërko në bibliotekë",
    key_panel: "Shfaq ose fshih panelin e emrave",
    key_settings: "Cilësimet",
    key_help: "Kjo ndihmë",
    key_close: "Mbyll një dritare ose sirtar",
    months: ["janar", "shkurt", "mars", "prill", "maj", "qershor", "korrik", "gusht", "shtator", "tetor", "nëntor", "dhjetor"],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_picks_the_first_known() {
        assert_eq!(UiLang::from_browser(["sq-AL", "en"]), UiLang::Sq);
        assert_eq!(UiLang::from_browser(["de-DE", "sq"]), UiLang::Sq);
        assert_eq!(UiLang::from_browser(["de-DE", "fr"]), UiLang::En);
        assert_eq!(UiLang::from_browser(["en-GB", "sq"]), UiLang::En);
    }

    #[test]
    fn numbers_and_dates_follow_the_language() {
        assert_eq!(UiLang::En.number(1_234_567), "1,234,567");
        assert_eq!(UiLang::Sq.number(1_234_567), "1\u{202f}234\u{202f}567");
        assert_eq!(UiLang::Sq.date("2024-03-14T09:30:00+01:00"), "14 mars 2024");
        assert_eq!(UiLang::En.date("2024-12-01"), "1 Dec 2024");
        assert_eq!(UiLang::En.date("dje"), "dje");
        assert_eq!(UiLang::Sq.date_of_ms(1_764_547_200_000.0), "1 dhjetor 2025");
        assert_eq!(reason(UiLang::Sq, "not supported: PNG image"), "nuk mbështetet: PNG image");
        assert_eq!(reason(UiLang::Sq, "it took longer than 10 s to read"), "leximi zgjati më shumë se 10 s");
        assert_eq!(reason(UiLang::En, "the file is empty"), "the file is empty");
        assert_eq!(fill(EN.could_not_read_named, &["a.pdf", "not supported"]), "Could not read a.pdf: not supported");
    }
}
