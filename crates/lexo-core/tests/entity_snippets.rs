//! The entity tagger's regression layer: short texts written by the team, one or more per
//! language, each with its exact expected names (text and type, in order). A retrained model or
//! a changed feature that breaks one of these says so here; the quality floor (`make
//! quality-floor`) guards the averages. Snippets the current models get wrong are listed in the
//! README's evaluation section, not here: every expectation below is what the guidelines want.

use lexo_core::EntityData;

/// The names tagged in a text (language detected, as `lexo tag` does).
fn names(text: &str) -> Vec<(String, &'static str)> {
    let tagged = lexo_core::tag_text(text, None, EntityData::embedded());
    tagged.entities.mentions.into_iter().map(|m| (m.text, m.kind.code())).collect()
}

fn expect(text: &str, want: &[(&str, &str)]) {
    let got = names(text);
    let want: Vec<(String, &str)> = want.iter().map(|(t, k)| (t.to_string(), *k)).collect();
    assert_eq!(got, want, "in {text:?}");
}

#[test]
fn albanian_people_places_and_the_union() {
    expect(
        "Kryeministri Edi Rama takoi në Tiranë presidentin e Francës, Emmanuel Macron. Takimi u zhvillua në Kryeministri, ku Rama tha se Shqipëria mbështet Bashkimin Evropian.",
        &[("Edi Rama", "PER"), ("Tiranë", "LOC"), ("Francës", "LOC"), ("Emmanuel Macron", "PER"), ("Rama", "PER"), ("Shqipëria", "LOC"), ("Bashkimin Evropian", "ORG")],
    );
}

#[test]
fn albanian_institutions_keep_their_genitive_and_months_are_no_names() {
    expect(
        "Policia e Kosovës arrestoi dy persona në Prizren. Sipas Ministrisë së Punëve të Brendshme, ata u dërguan në Gjykatën Themelore të Prizrenit. Në qershor, Kuvendi i Kosovës miratoi ligjin.",
        &[("Policia e Kosovës", "ORG"), ("Prizren", "LOC"), ("Ministrisë së Punëve të Brendshme", "ORG"), ("Gjykatën Themelore të Prizrenit", "ORG"), ("Kuvendi i Kosovës", "ORG")],
    );
    assert!(names("Qershor ishte muaji më i nxehtë. Në Janar ra borë në Korçë.").iter().all(|(t, _)| t != "Qershor" && t != "Janar"));
}

#[test]
fn hyphenated_first_names_stay_whole() {
    for text in ["Jean-Yves Le Drian vizitoi Shkodrën të hënën.", "Le ministre Jean-Yves Le Drian a salué la décision de l'Union européenne."] {
        assert!(names(text).contains(&("Jean-Yves Le Drian".to_owned(), "PER")), "{text}: {:?}", names(text));
    }
    // Two places joined by a hyphen stay two names.
    let pair = names("Ndeshja Kosovë-Shqipëri u luajt në Prishtinë.");
    assert!(!pair.iter().any(|(t, _)| t.contains('-')), "{pair:?}");
}

#[test]
fn letters_stored_as_base_plus_combining_mark_match_as_letters() {
    // "Kosovës" written with e + U+0308: the same names, with offsets into the text as stored.
    let text = "Kryeministri i Kosove\u{308}s foli ne\u{308} Prishtine\u{308}. Policia e Kosove\u{308}s tha se Shqipe\u{308}ria ndihmon.";
    let tagged = lexo_core::tag_text(text, None, EntityData::embedded());
    let got: Vec<(&str, &str)> = tagged.entities.mentions.iter().map(|m| (m.text.as_str(), m.kind.code())).collect();
    assert_eq!(got, [("Kosove\u{308}s", "LOC"), ("Prishtine\u{308}", "LOC"), ("Policia e Kosove\u{308}s", "ORG"), ("Shqipe\u{308}ria", "LOC")]);
    for m in &tagged.entities.mentions {
        assert_eq!(text.chars().skip(m.start).take(m.end - m.start).collect::<String>(), m.text);
    }
}

#[test]
fn english_company_person_places() {
    expect(
        "Apple said on Monday that its chief executive, Tim Cook, would visit China next month. The company's shares rose in New York.",
        &[("Apple", "ORG"), ("Tim Cook", "PER"), ("China", "LOC"), ("New York", "LOC")],
    );
}

#[test]
fn units_after_numbers_are_never_names() {
    let got = names("The new laptop ships with 16 GB of memory, a 2.4 GHz processor and a 512 GB drive.");
    assert!(!got.iter().any(|(t, _)| t.contains("GB") || t.contains("GHz")), "{got:?}");
}

#[test]
fn german_chancellor_and_an_institute() {
    expect(
        "Bundeskanzler Olaf Scholz hat am Montag in Berlin den französischen Präsidenten Emmanuel Macron empfangen. Das Robert Koch-Institut meldete neue Zahlen.",
        &[("Olaf Scholz", "PER"), ("Berlin", "LOC"), ("Emmanuel Macron", "PER"), ("Robert Koch-Institut", "ORG")],
    );
}

#[test]
fn french_names_and_the_union() {
    expect(
        "Le président Emmanuel Macron a reçu mardi à l'Élysée le chancelier allemand Olaf Scholz. Jean-Yves Le Drian a salué la décision de l'Union européenne.",
        &[("Emmanuel Macron", "PER"), ("Olaf Scholz", "PER"), ("Jean-Yves Le Drian", "PER"), ("Union européenne", "ORG")],
    );
}

#[test]
fn russian_inflected_names_and_an_agency() {
    expect(
        "Президент России Владимир Путин провел встречу в Москве с министром иностранных дел Сергеем Лавровым. Об этом сообщает ТАСС.",
        &[("России", "LOC"), ("Владимир Путин", "PER"), ("Москве", "LOC"), ("Сергеем Лавровым", "PER"), ("ТАСС", "ORG")],
    );
}

#[test]
fn turkish_case_endings_stay_in_the_name() {
    expect(
        "Cumhurbaşkanı Recep Tayyip Erdoğan, Ankara'da Almanya Başbakanı Olaf Scholz ile görüştü. Dışişleri Bakanlığı açıklama yaptı.",
        &[("Recep Tayyip Erdoğan", "PER"), ("Ankara'da", "LOC"), ("Almanya", "LOC"), ("Olaf Scholz", "PER"), ("Dışişleri Bakanlığı", "ORG")],
    );
}

#[test]
fn serbian_player_city_and_federation() {
    expect("Novak Đoković pobedio je u Parizu i osvojio novi trofej. Teniski savez Srbije čestitao mu je na uspehu.", &[("Novak Đoković", "PER"), ("Parizu", "LOC"), ("Teniski savez Srbije", "ORG")]);
}

#[test]
fn greek_minister_and_parliament() {
    // (Known miss, README: "Η Τράπεζα της Ελλάδος" comes out as Τράπεζα ORG + Ελλάδος LOC with
    // the current models; it was whole before the last retraining.)
    expect("Ο υπουργός Οικονομικών Κωστής Χατζηδάκης μίλησε στη Βουλή για τον προϋπολογισμό.", &[("Κωστής Χατζηδάκης", "PER"), ("Βουλή", "ORG")]);
}

#[test]
fn portuguese_long_name_and_a_bank() {
    expect(
        "O presidente Luiz Inácio Lula da Silva chegou a Lisboa para uma visita oficial. O Banco Central Europeu manteve as taxas de juro.",
        &[("Luiz Inácio Lula da Silva", "PER"), ("Lisboa", "LOC"), ("Banco Central Europeu", "ORG")],
    );
}

#[test]
fn handles_and_websites_are_names_by_their_form() {
    let got = names("Sipas lajmi.net, deklarata u publikua nga @CarolineFourest dhe @thetimes.");
    for want in [("lajmi.net", "ORG"), ("@CarolineFourest", "PER"), ("@thetimes", "ORG")] {
        assert!(got.contains(&(want.0.to_owned(), want.1)), "{want:?} in {got:?}");
    }
}
