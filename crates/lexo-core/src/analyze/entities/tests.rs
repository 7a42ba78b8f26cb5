//! The rules' unit tests (the learned tagger's are in tests/entity_snippets.rs).

use super::*;

fn sq() -> Lang {
    lang("sq")
}

/// The word lists and models built into the binary, as the CLI uses them.
fn data() -> &'static EntityData {
    EntityData::embedded()
}

/// Each (name, type) pair is among the tagged names.
fn assert_found(found: &[(String, &'static str)], expected: &[(&str, &str)]) {
    for (name, kind) in expected {
        assert!(found.iter().any(|(t, k)| t == name && k == kind), "{name} {kind}: {found:?}");
    }
}

/// A language for the tests (recognition reads only the code; the script is for show).
fn lang(code: &'static str) -> Lang {
    let script = match code {
        "ru" => "Cyrl",
        "el" => "Grek",
        _ => "Latn",
    };
    Lang { code, script }
}

/// The names the rules find in a text of the language with this code, as (text, type code).
/// These tests are of the rules: their findings are the learned tagger's strongest features
/// (what the tagger makes of them is tested in tests/entity_snippets.rs).
fn tagged(text: &str, code: &'static str) -> Vec<(String, &'static str)> {
    let spans = RuleRecognizer { data: data() }.recognize(text, lang(code));
    group(text, lang(code), &spans, data()).mentions.into_iter().map(|m| (m.text, m.kind.code())).collect()
}

#[test]
fn albanian_names_with_connectors_suffixes_and_titles() {
    let text = "Udhëheqësi i Koresë së Veriut takoi presidentin Vladimir Putin në Moskë. \
                Zëdhënësi i Ministrisë së Mbrojtjes të Koresë së Jugut foli për SHBA-së dhe Rusinë.";
    let got = tagged(text, "sq");
    let want = [
        ("Koresë së Veriut", "LOC"),
        ("Vladimir Putin", "PER"),
        ("Moskë", "LOC"),
        ("Ministrisë së Mbrojtjes", "ORG"),
        ("Koresë së Jugut", "LOC"),
        ("SHBA-së", "LOC"),
        ("Rusinë", "LOC"),
    ];
    assert_eq!(got, want.iter().map(|(a, b)| (a.to_string(), *b)).collect::<Vec<_>>());
}

#[test]
fn document_consistency_and_grouping() {
    let text = "Artan Hoxha foli sot në Rusi. Hoxha tha se Rusia dhe Rusisë kanë interesa. Rusinë e njohin të gjithë.";
    let ents = recognize(text, sq(), data());
    let kinds: Vec<_> = ents.mentions.iter().map(|m| (m.text.as_str(), m.kind.code())).collect();
    assert!(kinds.contains(&("Hoxha", "PER")), "{kinds:?}");
    let russia: Vec<_> = ents.mentions.iter().filter(|m| m.text.starts_with("Rus")).map(|m| m.group).collect();
    assert_eq!(russia.len(), 4);
    assert!(russia.iter().all(|g| *g == russia[0]));
    assert_eq!(ents.groups[russia[0]].name, "Rusi");
    assert_eq!(ents.groups[russia[0]].count, 4);
    let hoxha = ents.mentions.iter().find(|m| m.text == "Hoxha").unwrap().group;
    assert_eq!(ents.groups[hoxha].name, "Artan Hoxha");
}

#[test]
fn sentence_initial_common_words_are_not_names() {
    assert!(tagged("Zyrtarët thanë se nuk ka lajme.", "sq").is_empty());
    assert!(tagged("Bota\n\nAgjencia japoneze raportoi.", "sq").is_empty());
    assert_eq!(tagged("The Russian minister met Boris Johnson in London on Monday.", "en"), vec![("Boris Johnson".to_string(), "PER"), ("London".to_string(), "LOC")]);
}

#[test]
fn a_learned_model_decides_over_the_rules() {
    // "Zorblat" is unknown (a rules guess: PER); "Paris" is in the place lists.
    let text = "They met Zorblat in Paris yesterday.";
    let before = tagged(text, "xx");
    assert!(before.contains(&("Zorblat".to_owned(), "PER")), "{before:?}");
    // A model trained on this text where only Paris is a name.
    let paris = Span { start: 20, end: 25, kind: EntityKind::Loc };
    let sequences = tagger::training_sequences(text, "xx", &[paris], data());
    let weighted: Vec<_> = sequences.iter().map(|s| (s, 1.0)).collect();
    let model = super::super::sequence::train(&weighted, super::super::sequence::TrainSettings { epochs: 10, max_features: usize::MAX, runs: 1 }, "test".into());
    let mut with_model = data().clone();
    with_model.install_model("xx", &model.to_bytes()).unwrap();
    let after: Vec<(String, &str)> = recognize(text, lang("xx"), &with_model).mentions.into_iter().map(|m| (m.text, m.kind.code())).collect();
    assert_eq!(after, vec![("Paris".to_owned(), "LOC")]);
    // The shared data was not changed by the copy's install.
    assert!(!data().has_model("xx"));
    assert!(with_model.install_model("yy", b"not a model").is_err());
    assert!(!with_model.has_model("yy"));
}

#[cfg(feature = "embedded-models")]
#[test]
fn built_in_models_load_and_carry_their_card() {
    for lang in MODEL_LANGS {
        assert!(data().has_model(lang), "{lang}");
    }
}

#[test]
fn odd_text_never_panics() {
    for text in ["BE’ja", "Nando’s", "’", "-", "A-", "Ë’ë-Ë", "X’’Y", "\u{301}A", "Ab-’c", "ŞÇ’İ-i"] {
        for code in ["sq", "en", "ru"] {
            let _ = recognize(text, Lang { code, script: "Latn" }, data());
        }
    }
    assert_eq!(strip_attached_suffix("BE’ja"), "BE");
    assert_eq!(strip_attached_suffix("SHBA-së"), "SHBA");
}

#[test]
fn words_glued_by_a_scraper_are_split() {
    let found = tagged("Skuadra u kualifikua nëLigën e Evropës ndërsa dheMunishi foli.", "sq");
    assert_found(&found, &[("Ligën e Evropës", "MISC")]);
    assert!(found.iter().any(|(t, _)| t == "Munishi"), "{found:?}");
    assert_eq!(glued_split(&"iPhone".chars().collect::<Vec<_>>()), None);
    assert_eq!(glued_split(&"McDonald".chars().collect::<Vec<_>>()), None);
}

#[test]
fn a_name_wrapped_in_indented_source_stays_one_name() {
    let found = tagged("Sastanku je prisustvovao i Boško\n            Obradović, koji je govorio o tome.", "sr");
    assert_found(&found, &[("Boško\n            Obradović", "PER")]);
    // An unindented line break still ends a name (a headline above its first line).
    let found = tagged("Vesti Srbija\nBoško Obradović je govorio o tome.", "sr");
    assert!(!found.iter().any(|(t, _)| t.contains('\n')), "{found:?}");
}

#[test]
fn a_club_named_after_its_city_is_a_club_only_in_sports_news() {
    let found = tagged("Il traffico a Napoli è aumentato e il sindaco ha parlato ieri.", "it");
    assert_found(&found, &[("Napoli", "LOC")]);
    let found = tagged("Il Napoli ha vinto la partita: due gol nel secondo tempo, e l'allenatore sorride in campionato.", "it");
    assert_found(&found, &[("Napoli", "ORG")]);
}

#[test]
fn a_name_with_a_club_word_is_a_club_in_sports_news() {
    let text = "Η Ατλέτικο Μπιλμπάο νίκησε με σκορ 3:2. Ο Όσκαρ ντε Μάρκος πέτυχε δύο τέρματα και ο αγώνας έληξε με πέναλτι.";
    let found = tagged(text, "el");
    assert_found(&found, &[("Ατλέτικο Μπιλμπάο", "ORG"), ("Όσκαρ ντε Μάρκος", "PER")]);
    let found = tagged("El Real Madrid ganó el partido con dos goles; el entrenador celebró la victoria en el estadio.", "es");
    assert_found(&found, &[("Real Madrid", "ORG")]);
}

#[test]
fn a_headline_in_capitals_is_no_row_of_acronyms() {
    let found = tagged("OSTALA SAM TRUDNA KADA SAM IMALA GODINA\nPevačica je to rekla za NATO i BBC u Beogradu.", "sr");
    assert!(!found.iter().any(|(t, _)| ["OSTALA", "SAM", "TRUDNA", "GODINA"].iter().any(|w| t.contains(w))), "{found:?}");
    assert_found(&found, &[("NATO", "ORG"), ("BBC", "ORG")]);
}

#[test]
fn romance_institutions_run_over_for_and_and() {
    let found = tagged("El informe de la Organización para la Cooperación y el Desarrollo Económicos dice que México y Francia crecen.", "es");
    assert_found(&found, &[("Organización para la Cooperación y el Desarrollo Económicos", "ORG")]);
    // Outside an institution's name "y" still separates two names.
    assert_found(&found, &[("México", "LOC"), ("Francia", "LOC")]);
}

#[test]
fn a_title_word_before_an_institutions_head_is_part_of_its_name() {
    let found = tagged("Karar dün Mesleki Hizmetler Genel Müdürlüğünce açıklandı. Şirketin Genel Müdürü Görkem Elverici konuştu.", "tr");
    assert_found(&found, &[("Mesleki Hizmetler Genel Müdürlüğünce", "ORG"), ("Görkem Elverici", "PER")]);
    let found = tagged("Analysts said that Alamos Gold shares rose after the deal.", "en");
    assert_found(&found, &[("Alamos Gold", "ORG")]);
}

#[test]
fn nationality_words_are_no_names_whatever_wikiann_says() {
    let found = tagged("The Italian side lost to Ireland, and the British press blamed the Chinese referee.", "en");
    assert!(!found.iter().any(|(t, _)| ["Italian", "British", "Chinese"].contains(&t.as_str())), "{found:?}");
    assert_found(&found, &[("Ireland", "LOC")]);
}

#[test]
fn frequent_sentence_openers_are_not_part_of_names() {
    let found = tagged("Lo ha detto ieri Spinelli. Poi Spinelli ha aggiunto altro. Intanto Roma aspetta.", "it");
    assert!(found.iter().all(|(t, _)| !t.starts_with("Poi") && !t.starts_with("Intanto")), "{found:?}");
    assert_found(&found, &[("Roma", "LOC")]);
}

#[test]
fn a_turkish_name_that_keeps_coming_back_alone_is_a_company() {
    let found = tagged("Cam üreticisi Şişecam yeni fabrikasını açtı. Bu yıl Şişecam'ın yatırımı büyük. Analistler bugün Şişecam ile görüştü.", "tr");
    let kinds: Vec<&str> = found.iter().filter(|(t, _)| t.starts_with("Şişecam")).map(|(_, k)| *k).collect();
    assert_eq!(kinds, ["ORG", "ORG", "ORG"], "{found:?}");
    let found = tagged("Lo ha detto ieri Spinelli. Poi ha aggiunto Spinelli che la legge va cambiata. Ha concluso Spinelli.", "it");
    let kinds: Vec<&str> = found.iter().filter(|(t, _)| t == "Spinelli").map(|(_, k)| *k).collect();
    assert!(kinds.len() >= 2 && kinds.iter().all(|k| *k == "PER"), "{found:?}");
}

#[test]
fn apostrophe_surnames_are_people() {
    let found = tagged("The try came after a break by O'Sullivan, and later O’Neill kicked the goal.", "en");
    assert_found(&found, &[("O'Sullivan", "PER"), ("O’Neill", "PER")]);
    assert!(irish_or_italian_surname("D'Alema") && !irish_or_italian_surname("O'") && !irish_or_italian_surname("D'OH"));
}

#[test]
fn greek_names_match_whatever_their_accent_and_case() {
    let found = tagged("Ο πρόεδρος της Νοτίου Κορέας μίλησε στη σύνοδο των Ηνωμένων Εθνών χθες.", "el");
    assert_found(&found, &[("Νοτίου Κορέας", "LOC"), ("Ηνωμένων Εθνών", "ORG")]);
    // A ministry's portfolio is no name of its own.
    let found = tagged("Ο υπουργός Άμυνας και ο υπουργός Εξωτερικών συναντήθηκαν.", "el");
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn serbian_and_russian_institutions_keep_their_lowercase_rest() {
    let found = tagged("Slučaj je prijavljen Policijskoj stanici u Guči, a saopštenje je izdalo Ministarstvo unutrašnjih poslova Dijana Hrkalović.", "sr");
    assert_found(&found, &[("Policijskoj stanici u Guči", "ORG"), ("Ministarstvo unutrašnjih poslova", "ORG")]);
    // The place inside an institution's name does not make the place an institution elsewhere.
    let found = tagged("Policijska stanica u Guči je zatvorena. Turisti dolaze u Guču, a Guča je mala.", "sr");
    assert!(!found.iter().any(|(t, k)| t.starts_with("Gu") && *k == "ORG"), "{found:?}");
    let found = tagged("Об этом сообщило Министерство внутренних дел Пакистана.", "ru");
    assert_found(&found, &[("Министерство внутренних дел Пакистана", "ORG")]);
}

#[test]
fn an_unknown_name_after_an_article_is_no_person() {
    let found = tagged("Secondo quanto comunicato dalla Farnesina e dal Fisco, il caso è chiuso.", "it");
    assert_found(&found, &[("Farnesina", "ORG"), ("Fisco", "ORG")]);
    // Without an article the usual guess stands: a lone unknown name is a surname.
    let found = tagged("Lo ha detto ieri Spinelli ai giornalisti.", "it");
    assert_found(&found, &[("Spinelli", "PER")]);
}

#[test]
fn romance_institutions_keep_their_lowercase_adjectives() {
    let found = tagged("Hier, l'Assemblée nationale a voté. Le Parti socialiste et la Banque centrale européenne ont réagi.", "fr");
    assert_found(&found, &[("Assemblée nationale", "ORG"), ("Parti socialiste", "ORG"), ("Banque centrale européenne", "ORG")]);
}

#[test]
fn a_place_in_an_institutions_official_name_stays_inside() {
    let found = tagged("Lo hanno scoperto ieri gli uomini della Guardia di Finanza di Genova nel porto.", "it");
    assert_found(&found, &[("Guardia di Finanza di Genova", "ORG")]);
}

#[test]
fn arabic_particles_stay_inside_names() {
    let found = tagged("Die Regierung von Bashar al-Assad bestreitet das.", "de");
    assert_found(&found, &[("Bashar al-Assad", "PER")]);
}

#[test]
fn inflected_institution_heads_make_organisations() {
    let found = tagged("Karar dün Sağlık Bakanlığınca açıklandı.", "tr");
    assert_found(&found, &[("Sağlık Bakanlığınca", "ORG")]);
    let found = tagged("Решение было отменено Верховным судом страны.", "ru");
    assert_found(&found, &[("Верховным судом", "ORG")]);
    // A first name is no head ("Vladimira" is not "vlada"), nor is a person's possessive
    // followed by one ("Putinova vlada" is Putin's government).
    let found = tagged("Sastanak sa Vladimirom Putinom je bio dobar, a Putinova vlada je podržala podršku Vladimira Putina.", "sr");
    assert_found(&found, &[("Vladimirom Putinom", "PER"), ("Putinova", "PER"), ("Vladimira Putina", "PER")]);
    // "za" joins an institution's name: Savez za Srbiju (Alliance for Serbia).
    let found = tagged("Lider Saveza za Srbiju je to rekao juče.", "sr");
    assert_found(&found, &[("Saveza za Srbiju", "ORG")]);
}

#[test]
fn handles_are_names_and_email_addresses_are_not() {
    let found = tagged("Selon le journal @thetimes, la militante @CarolineFourest a répondu à contact@example.org hier.", "fr");
    assert_eq!(found, vec![("@thetimes".to_string(), "ORG"), ("@CarolineFourest".to_string(), "PER")]);
}

#[test]
fn greek_days_demonyms_and_league_names() {
    let found = tagged("Χθες οι Ισπανούς παίκτες έπαιξαν στο Γιουρόπα Λιγκ με τη Μάντσεστερ Γιουνάιτεντ.", "el");
    assert!(!found.iter().any(|(t, _)| t == "Χθες" || t == "Ισπανούς"), "{found:?}");
    assert_found(&found, &[("Γιουρόπα Λιγκ", "MISC")]);
}

#[test]
fn two_full_names_joined_by_e_are_two_people() {
    let found = tagged("Në takim ishin deputetët Kristal Abazajt e Dejvi Bregut nga Tirana.", "sq");
    assert_found(&found, &[("Kristal Abazajt", "PER"), ("Dejvi Bregut", "PER")]);
    // One name on either side is one place: "Bosnjë e Hercegovinë" stays whole.
    let found = tagged("Ai udhëtoi për në Bosnjë e Hercegovinë dje.", "sq");
    assert!(found.iter().any(|(t, _)| t == "Bosnjë e Hercegovinë"), "{found:?}");
}

#[test]
fn a_place_or_acronym_before_a_full_name_is_split() {
    let found = tagged("Në takim mori pjesë kryeministri i Shqipërisë Edi Rama dhe Kryeprokurori i SPAK Arben Kraja.", "sq");
    assert_found(&found, &[("Shqipërisë", "LOC"), ("Edi Rama", "PER"), ("SPAK", "ORG"), ("Arben Kraja", "PER")]);
}

#[test]
fn a_person_before_his_partys_acronym_is_split() {
    let found = tagged("Në seancë foli deputeti Rexhep Selimi i VV-së për ligjin.", "sq");
    assert_found(&found, &[("Rexhep Selimi", "PER"), ("VV-së", "ORG")]);
}

#[test]
fn a_portfolio_ends_where_a_country_follows() {
    let found = tagged("Takimi u mbajt me ministrin e Punëve të Jashtme i Turqisë dhe ministrja e Ekonomisë së Malit të Zi Dragica Sekuliq erdhi. Foli kryetari i Kuvendit të Kosovës.", "sq");
    assert_found(&found, &[("Turqisë", "LOC"), ("Malit të Zi", "LOC"), ("Dragica Sekuliq", "PER"), ("Kuvendit të Kosovës", "ORG")]);
}

#[test]
fn possessives_and_elided_articles_stay_outside_names() {
    let found = tagged("The report said Italy's economy grew, and the IMF's chief agreed.", "en");
    assert!(found.iter().any(|(t, _)| t == "Italy") && found.iter().any(|(t, _)| t == "IMF"), "{found:?}");
    let found = tagged("Le texte a été voté par l'Assemblée nationale hier à Paris.", "fr");
    assert!(found.iter().any(|(t, _)| t.starts_with("Assemblée")), "{found:?}");
}

#[test]
fn german_nouns_and_descriptors_are_not_names() {
    let found = tagged("Die Truppen kämpften in der Provinz. Der Gastgeber Chile gewann gegen Bolivien, der Kolumbianer Carlos Bacca traf nicht. Die Bilder der Reise zeigen viel.", "de");
    assert_found(&found, &[("Chile", "LOC"), ("Carlos Bacca", "PER")]);
    assert!(!found.iter().any(|(t, _)| t.contains("Truppen") || t.contains("Bilder") || t.contains("Reise") || t.contains("Gastgeber")), "{found:?}");
    // Only a genitive -s inflects a German name: "Mal" is no form of Mali, "Ball" none of Bali.
    let found = tagged("Zum ersten Mal warf er den Ball. Die Wirtschaft Deutschlands wächst.", "de");
    assert_eq!(found, vec![("Deutschlands".to_string(), "LOC")]);
}

#[test]
fn world_cities_are_places_in_their_own_languages() {
    let found = tagged("Il sindaco ha parlato ieri a Milano e poi a Firenze.", "it");
    assert_found(&found, &[("Milano", "LOC"), ("Firenze", "LOC")]);
    // Matched only as written: an Albanian surname is not a city's inflected form.
    let found = tagged("Deklaratën e bëri deputeti Shala dje.", "sq");
    assert_found(&found, &[("Shala", "PER")]);
}

#[test]
fn english_heads_come_last_and_surnames_are_not_demonyms() {
    let found = tagged("The European Commission and the Athens Olympics were discussed by the UK Chancellor. \"It was tough,\" said Sullivan, an Italian fan.", "en");
    assert_found(&found, &[("European Commission", "ORG"), ("Athens Olympics", "MISC"), ("UK", "LOC"), ("Sullivan", "PER")]);
    assert!(!found.iter().any(|(t, _)| t.contains("Chancellor")), "{found:?}");
}

#[test]
fn turkish_titles_split_and_heads_come_last() {
    let found = tagged("Faiz kararını AMB Yönetim Kurulu Üyesi Isabel Schnabel açıkladı. Avrupa Merkez Bankası faizleri sabit tuttu.", "tr");
    assert_found(&found, &[("AMB", "ORG"), ("Isabel Schnabel", "PER"), ("Avrupa Merkez Bankası", "ORG")]);
}

#[test]
fn a_change_of_script_ends_a_name() {
    let found = tagged("Министр по вопросам Brexit Стив Бейкер заявил, что сделка возможна.", "ru");
    assert!(found.iter().any(|(t, _)| t == "Стив Бейкер"), "{found:?}");
}

#[test]
fn institution_names_run_over_per_and_dhe() {
    let found = tagged("Ministri raportoi para Komisionit për Çështje të Sigurisë dhe Mbrojtjes dje. Pagesa bëhet nga Fondi për Sigurime Shëndetësore sot.", "sq");
    assert_found(&found, &[("Komisionit për Çështje të Sigurisë dhe Mbrojtjes", "ORG")]);
    assert_found(&found, &[("Fondi për Sigurime Shëndetësore", "ORG")]);
    // Not an institution: "dhe" still separates two names.
    let found = tagged("Në Tiranë dhe Durrës ra shi.", "sq");
    assert_found(&found, &[("Tiranë", "LOC"), ("Durrës", "LOC")]);
}

#[test]
fn a_ministers_portfolio_is_not_a_name_but_a_country_is() {
    let found = tagged("Ai foli me Ministrin e Financave dhe Ministrit të Punëve të Brendshme, pastaj me presidentin e Serbisë.", "sq");
    assert!(!found.iter().any(|(t, _)| t.contains("Financave") || t.contains("Punëve")), "{found:?}");
    assert_found(&found, &[("Serbisë", "LOC")]);
}

#[test]
fn initials_of_a_person_are_one_name() {
    let found = tagged("Policia arrestoi shtetasin Z.T., 26 vjeç, dhe një të dyshuar me inicialet D.P. nga Prishtina.", "sq");
    assert_found(&found, &[("Z.T.", "PER"), ("D.P.", "PER")]);
    assert!(!is_initials("U.S") && is_initials("A.B.C.") && !is_initials("AB."));
}

#[test]
fn a_quoted_title_after_a_work_noun_is_misc() {
    let found = tagged("Këngëtarja publikoi këngën “Qeqe” dhe albumin “Premtimet” në Tiranë.", "sq");
    assert_found(&found, &[("Qeqe", "MISC"), ("Premtimet", "MISC")]);
    assert_found(&found, &[("Tiranë", "LOC")]);
}

#[test]
fn offsets_are_char_indices() {
    let text = "Çfarë: ëëë Kosovë!";
    let m = &recognize(text, sq(), data()).mentions[0];
    assert_eq!(text.chars().skip(m.start).take(m.end - m.start).collect::<String>(), "Kosovë");
    assert_eq!((m.start, m.end), (11, 17));
}
