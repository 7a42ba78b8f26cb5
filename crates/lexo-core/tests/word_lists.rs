//! The web engine fetches a word list that serves one language (`Lexicon::language`) only with
//! that language's first article. That is only right if the other languages tag exactly the same
//! without it: checked here on text in every language with a model (and, when the team's shared
//! articles are there, on all of them).

use lexo_core::{EntityData, Lexicon, MODEL_LANGS};

fn data(with: impl Fn(Lexicon) -> bool) -> EntityData {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut data = EntityData::empty();
    for lexicon in Lexicon::ALL.into_iter().filter(|l| with(*l)) {
        let text = std::fs::read_to_string(root.join("data/entities").join(lexicon.file_name())).unwrap();
        data.install_lexicon(lexicon, text).unwrap();
    }
    for lang in MODEL_LANGS {
        data.install_model(lang, &std::fs::read(root.join(format!("models/entities-{lang}.bin"))).unwrap()).unwrap();
    }
    data
}

const TEXTS: &[(&str, &str)] = &[
    ("en", "Prime Minister Keir Starmer met Emmanuel Macron in Paris on Monday. The European Commission and NATO said Ukraine would get more support. Microsoft shares rose in New York."),
    ("de", "Bundeskanzler Friedrich Merz traf in Berlin den französischen Präsidenten. Die Deutsche Bahn und Siemens kündigten neue Investitionen in Bayern an."),
    ("fr", "Le président Emmanuel Macron a reçu Olaf Scholz à l'Élysée. La Banque de France prévoit une croissance faible à Lyon et à Marseille."),
    ("it", "Il presidente del Consiglio Giorgia Meloni ha incontrato a Roma il cancelliere tedesco. La Fiat e l'Università di Bologna hanno firmato un accordo."),
    ("es", "El presidente Pedro Sánchez viajó a Bruselas para reunirse con Ursula von der Leyen. El Real Madrid ganó en Barcelona."),
    ("pt", "O presidente Luiz Inácio Lula da Silva visitou Lisboa. A Petrobras anunciou lucros no Rio de Janeiro."),
    ("nl", "Premier Dick Schoof sprak in Den Haag met de Europese Commissie over Oekraïne. Philips opent een fabriek in Eindhoven."),
    ("pl", "Premier Donald Tusk spotkał się w Warszawie z prezydentem Francji. Orlen otworzył nową rafinerię w Gdańsku."),
    ("sr", "Predsednik Aleksandar Vučić sastao se u Beogradu sa delegacijom Evropske unije. Crvena zvezda je pobedila u Nišu."),
    ("ru", "Президент Владимир Путин встретился в Москве с премьер-министром Индии. Газпром сообщил о новых поставках в Китай."),
    ("el", "Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε στην Αθήνα με τον Εμανουέλ Μακρόν. Η Τράπεζα της Ελλάδος ανακοίνωσε νέα μέτρα."),
    ("tr", "Cumhurbaşkanı Recep Tayyip Erdoğan Ankara'da Almanya Başbakanı ile görüştü. Türk Hava Yolları İstanbul'dan yeni seferler başlattı."),
];

#[test]
fn the_albanian_lemmas_change_nothing_for_other_languages() {
    for lexicon in Lexicon::ALL {
        let Some(only) = lexicon.language() else { continue };
        let full = data(|_| true);
        let without = data(|l| l != lexicon);
        let mut texts: Vec<(String, String)> = TEXTS.iter().map(|(l, t)| (l.to_string(), t.to_string())).collect();
        // The team's articles in ten languages, when they are there.
        let shared = std::env::var_os("LEXO_SHARED").map(std::path::PathBuf::from).unwrap_or_else(|| std::path::PathBuf::from("../../../shared")).join("data/articles");
        for lang in std::fs::read_dir(&shared).into_iter().flatten().flatten() {
            for f in std::fs::read_dir(lang.path()).into_iter().flatten().flatten() {
                if let Ok(t) = std::fs::read_to_string(f.path()) {
                    texts.push((lang.file_name().to_string_lossy().into_owned(), t));
                }
            }
        }
        let mut compared = 0;
        for (lang, text) in texts.iter().filter(|(l, _)| l != only) {
            let lang = (lang.len() == 2).then_some(lang.as_str());
            let a = lexo_core::tag_text(text, lang, &full);
            if a.lang.code == only {
                continue;
            }
            assert_eq!(a.entities, lexo_core::tag_text(text, lang, &without).entities, "{} changes the names of: {}", lexicon.file_name(), &text[..text.len().min(80)]);
            compared += 1;
        }
        assert!(compared >= TEXTS.len(), "{compared}");
    }
}
