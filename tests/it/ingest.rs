//! Article import end to end: every encoding of the seed article, HTML and
//! Markdown fixtures, metadata and paragraph roles, dates, bad input and folders.

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use sha2::{Digest, Sha256};
use twotrack::ingest::{
    EncodingHow, ImportOptions, Imported, IngestError, MAX_FILE_BYTES, article_direction,
    expand_paths, import_bytes, import_many, import_path, import_text, parse_date,
};
use twotrack::model::{Article, Direction, ParagraphRole, PubDate, SourceFormat, char_slice};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(name: &str) -> PathBuf {
    root().join("tests/fixtures/ingest").join(name)
}

fn seed_path() -> PathBuf {
    root().join("assets/sample/article_ar.txt")
}

fn import(path: &Path) -> Imported {
    import_with(path, None)
}

fn import_with(path: &Path, encoding: Option<&str>) -> Imported {
    let options = ImportOptions { encoding: encoding.map(str::to_owned) };
    match import_path(path, &options) {
        Ok(imported) => {
            assert_well_formed(&imported.article);
            imported
        }
        Err(error) => panic!("{error}"),
    }
}

/// The stored-text contract every import must meet.
fn assert_well_formed(article: &Article) {
    let text = &article.text;
    for bad in ['\r', '\u{2028}', '\u{2029}', '\u{85}', '\u{FEFF}', '\0', '\t'] {
        assert!(!text.contains(bad), "text contains {bad:?}");
    }
    assert!(!text.contains("\n\n"), "empty paragraph in text");
    assert!(!text.contains("  "), "double space in text");
    let total = text.chars().count();
    let mut expected_start = 0;
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        assert_eq!(paragraph.range.start, expected_start, "paragraph {index} does not follow");
        assert!(paragraph.range.end > paragraph.range.start, "paragraph {index} is empty");
        let slice = char_slice(text, paragraph.range.start, paragraph.range.end);
        assert!(!slice.contains('\n'), "paragraph {index} has a newline");
        assert_eq!(slice, slice.trim(), "paragraph {index} is not trimmed");
        expected_start = paragraph.range.end + 1;
    }
    if article.paragraphs.is_empty() {
        assert!(text.is_empty());
    } else {
        assert_eq!(expected_start - 1, total, "paragraphs do not reach the end of the text");
    }
}

fn paragraph_texts(article: &Article) -> Vec<(&str, ParagraphRole)> {
    article.paragraphs.iter().map(|p| (article.slice(p.range), p.role)).collect()
}

fn role_of(article: &Article, starts_with: &str) -> Vec<ParagraphRole> {
    paragraph_texts(article)
        .into_iter()
        .filter(|(t, _)| t.starts_with(starts_with))
        .map(|(_, r)| r)
        .collect()
}

fn date(year: i16, month: u8, day: u8) -> PubDate {
    PubDate { year, month, day, time: None, zone: None }
}

fn sha256_hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    Sha256::digest(bytes).iter().fold(String::new(), |mut out, b| {
        let _ = write!(out, "{b:02x}");
        out
    })
}

#[test]
fn results_can_cross_threads() {
    fn assert_send<T: Send + 'static>() {}
    assert_send::<Imported>();
    assert_send::<IngestError>();
    assert_send::<(PathBuf, Result<Imported, IngestError>)>();
    let handle = std::thread::Builder::new()
        .name("import".into())
        .spawn(|| import_many(&[seed_path()], &ImportOptions::default(), &|_, _| {}))
        .unwrap();
    let results = handle.join().unwrap();
    assert!(matches!(results.as_slice(), [(_, Ok(_))]));
}

#[test]
fn seed_text_is_its_lines_normalised() {
    let raw = std::fs::read_to_string(seed_path()).unwrap();
    let expected: Vec<String> = raw
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect();
    let imported = import(&seed_path());
    assert_eq!(imported.article.text, expected.join("\n"));
    assert_eq!(imported.article.paragraphs.len(), 24);
}

#[test]
fn seed_roles() {
    let article = import(&seed_path()).article;
    let paragraphs = paragraph_texts(&article);
    assert_eq!(paragraphs.first(), Some(&("07-يوليو-2023", ParagraphRole::Byline)));
    assert_eq!(paragraphs.get(1), Some(&("gettyimages", ParagraphRole::Caption)));
    let (caption, role) = paragraphs.get(2).copied().unwrap();
    assert!(caption.ends_with("(Getty)"), "{caption}");
    assert_eq!(role, ParagraphRole::Caption);
    // The repeated NBC paragraph near the end is the pull quote; its original stays body.
    assert_eq!(role_of(&article, "أشار تقرير شبكة إن بي سي نيوز"), [ParagraphRole::PullQuote]);
    assert_eq!(role_of(&article, "كما أشار تقرير شبكة إن بي سي نيوز"), [ParagraphRole::Body]);
    assert_eq!(role_of(&article, "واشنطن: لم نوافق على المحادثات"), [ParagraphRole::Subheading]);
    assert!(
        !paragraphs.iter().any(|(_, r)| *r == ParagraphRole::Headline),
        "the seed has no headline"
    );
    let body = paragraphs.iter().filter(|(_, r)| r.is_body()).count();
    assert!(body >= 18, "only {body} body paragraphs");
}

#[test]
fn seed_metadata_and_direction() {
    let imported = import(&seed_path());
    let article = &imported.article;
    let meta = &article.meta;
    // No headline: the title is the first body sentence, never the date, credit or caption.
    assert!(!meta.title.is_empty());
    assert!(
        !meta.title.contains("2023")
            && !meta.title.contains("getty")
            && !meta.title.contains("Getty")
    );
    assert!(meta.title.starts_with("بالتوازي مع مسار الحرب"), "{}", meta.title);
    assert!(imported.warnings.iter().any(|w| w.contains("no headline")));
    assert_eq!(meta.published, Some(date(2023, 7, 7)));
    assert_eq!(meta.language, "ar");
    assert_eq!(meta.direction_override, None);
    for (index, paragraph) in article.paragraphs.iter().enumerate() {
        if paragraph.role.is_body() {
            assert_eq!(paragraph.direction, Direction::Rtl, "paragraph {index}");
        }
    }
    assert_eq!(article_direction(article), Direction::Rtl);
    assert_eq!(article.paragraphs.first().map(|p| p.direction), Some(Direction::Rtl));
    assert_eq!(article.paragraphs.get(1).map(|p| p.direction), Some(Direction::Ltr), "gettyimages");
}

#[test]
fn seed_source_info() {
    let bytes = std::fs::read(seed_path()).unwrap();
    let imported = import(&seed_path());
    let source = &imported.article.source;
    assert_eq!(source.sha256, sha256_hex(&bytes));
    assert_eq!(source.size_bytes, bytes.len() as u64);
    assert_eq!(source.format, SourceFormat::PlainText);
    assert_eq!(source.encoding, "UTF-8");
    assert!(!source.encoding_overridden);
    assert!(source.imported.is_some());
    assert_eq!(source.path.as_deref(), Some(seed_path().display().to_string().as_str()));
    assert_eq!(imported.encoding.how, EncodingHow::Utf8);
    assert_eq!(imported.article.id, twotrack::model::ArticleId::default());
}

#[test]
fn every_encoding_of_the_seed_decodes_to_the_same_article() {
    let reference = import(&seed_path()).article;
    let cases = [
        ("seed_windows1256.txt", "windows-1256", EncodingHow::Detected),
        ("seed_iso88596.txt", "ISO-8859-6", EncodingHow::Detected),
        ("seed_utf16le_bom.txt", "UTF-16LE", EncodingHow::Bom),
        ("seed_utf16be_bom.txt", "UTF-16BE", EncodingHow::Bom),
        ("seed_utf8_bom.txt", "UTF-8", EncodingHow::Bom),
    ];
    for (name, encoding, how) in cases {
        let path = fixture(name);
        let imported = import(&path);
        let article = &imported.article;
        assert_eq!(article.text, reference.text, "{name}");
        assert_eq!(article.paragraphs, reference.paragraphs, "{name}");
        assert_eq!(article.meta, reference.meta, "{name}");
        assert_eq!(
            (imported.encoding.name.as_str(), imported.encoding.how),
            (encoding, how),
            "{name}"
        );
        assert_eq!(article.source.encoding, encoding, "{name}");
        let bytes = std::fs::read(&path).unwrap();
        assert_eq!(article.source.sha256, sha256_hex(&bytes), "{name}: hash of the original bytes");
        if how == EncodingHow::Detected {
            assert!(imported.encoding.confidence.is_some_and(|c| c >= 0.5), "{name}");
        }
    }
}

#[test]
fn encoding_override_redecodes() {
    let reference = import(&seed_path()).article;
    let path = fixture("seed_windows1256.txt");
    let wrong = import_with(&path, Some("iso-8859-6"));
    assert_eq!(wrong.encoding.how, EncodingHow::Override);
    assert_eq!(wrong.encoding.name, "ISO-8859-6");
    assert!(wrong.article.source.encoding_overridden);
    assert_ne!(wrong.article.text, reference.text);
    let right = import_with(&path, Some("windows-1256"));
    assert_eq!(right.article.text, reference.text);
    assert_eq!(right.encoding.how, EncodingHow::Override);
    let error = import_path(&path, &ImportOptions { encoding: Some("no-such-charset".into()) })
        .err()
        .unwrap();
    assert!(matches!(error, IngestError::UnknownEncoding { .. }));
    let message = error.to_string();
    assert!(message.contains("no-such-charset"), "{message}");
    assert!(message.ends_with(&path.display().to_string()), "{message}");
}

#[test]
fn html_page_body_roles_and_metadata() {
    let imported = import(&fixture("article_ar.html"));
    let article = &imported.article;
    let text = &article.text;
    for furniture in [
        "الرئيسية",
        "اقتصاد",
        "إعلان",
        "فيسبوك",
        "واتساب",
        "tracking",
        "dataLayer",
        "font-family",
        "اقرأ أيضا",
        "قمة الناتو",
        "جميع الحقوق",
    ] {
        assert!(!text.contains(furniture), "{furniture:?} leaked into the text");
    }
    let paragraphs = paragraph_texts(article);
    let title = "دبلوماسيون أمريكيون سابقون أجروا محادثات سرية مع لافروف";
    assert_eq!(paragraphs.first(), Some(&(title, ParagraphRole::Headline)));
    assert_eq!(paragraphs.iter().filter(|(t, _)| *t == title).count(), 1, "headline once");
    assert!(
        paragraphs.contains(&("بقلم أحمد المثال — 07-يوليو-2023", ParagraphRole::Byline)),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs.iter().any(|(t, r)| t.ends_with("(Getty)") && *r == ParagraphRole::Caption),
        "{paragraphs:?}"
    );
    assert!(paragraphs.contains(&("واشنطن: لم نوافق على المحادثات", ParagraphRole::Subheading)));
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let lead = seed.lines().nth(5).unwrap().trim();
    assert!(paragraphs.contains(&(lead, ParagraphRole::Body)), "seed lead paragraph kept whole");
    assert_eq!(paragraphs.iter().filter(|(_, r)| r.is_body()).count(), 5);
    let meta = &article.meta;
    assert_eq!(meta.title, title);
    assert_eq!(meta.outlet.as_deref(), Some("صحيفة المثال"));
    assert_eq!(meta.author.as_deref(), Some("أحمد المثال"));
    assert_eq!(meta.url.as_deref(), Some("https://example.org/news/2023/07/07/track-two"));
    assert_eq!(
        meta.published,
        Some(PubDate { time: Some((9, 40)), zone: Some("+03:00".into()), ..date(2023, 7, 7) })
    );
    assert_eq!(meta.language, "ar");
    assert_eq!(article.source.format, SourceFormat::Html);
    assert_eq!(imported.encoding.how, EncodingHow::Declared);
}

#[test]
fn html_meta_charset_is_respected() {
    let utf8 = import(&fixture("article_ar.html")).article;
    let legacy = import(&fixture("article_ar_windows1256.htm"));
    assert_eq!(
        (legacy.encoding.name.as_str(), legacy.encoding.how),
        ("windows-1256", EncodingHow::Declared)
    );
    assert_eq!(legacy.article.text, utf8.text);
    assert_eq!(legacy.article.meta, utf8.meta);
}

#[test]
fn markdown_markup_is_removed_and_roles_kept() {
    let imported = import(&fixture("article_ar.md"));
    let article = &imported.article;
    for markup in ["**", "](", "![", "# ", "> ", "_لم", "---", "title:"] {
        assert!(!article.text.contains(markup), "{markup:?} left in the text");
    }
    let paragraphs = paragraph_texts(article);
    assert_eq!(
        paragraphs.first(),
        Some(&("دبلوماسية المسار الثاني بين واشنطن وموسكو", ParagraphRole::Headline))
    );
    assert_eq!(paragraphs.get(1), Some(&("٢٣ تشرين الثاني ٢٠٢٠", ParagraphRole::Byline)));
    // Three soft-wrapped source lines, the link reduced to its text, make one paragraph.
    let lead = paragraphs.get(2).unwrap();
    assert!(
        lead.0.starts_with("أفادت شبكة \"إن بي سي نيوز\" الأمريكية نقلًا عن 6 مسؤولين مطّلعين، أنّ"),
        "{lead:?}"
    );
    assert!(lead.0.ends_with("مقربة من الكرملين."));
    assert!(paragraphs.contains(&("واشنطن: لم نوافق على المحادثات", ParagraphRole::Subheading)));
    assert!(paragraphs.contains(&("ريتشارد هاس، الدبلوماسي السابق", ParagraphRole::Body)));
    assert!(
        paragraphs.iter().any(|(t, r)| t.contains("لم تصرح بإجراء هذه الاجتماعات") && r.is_body())
    );
    let meta = &article.meta;
    assert_eq!(meta.author.as_deref(), Some("أحمد المثال"));
    assert_eq!(meta.outlet.as_deref(), Some("صحيفة المثال"));
    assert_eq!(meta.url.as_deref(), Some("https://example.org/news/track-two"));
    assert_eq!(meta.published, Some(date(2023, 7, 7)), "front matter wins");
    assert_eq!(article.source.format, SourceFormat::Markdown);
}

#[test]
fn english_samples_metadata() {
    let wire = import(&root().join("assets/sample/wire_en.txt")).article;
    assert!(wire.meta.title.starts_with("Former US officials held secret talks"));
    assert_eq!(wire.paragraphs.first().map(|p| p.role), Some(ParagraphRole::Headline));
    assert_eq!(
        wire.meta.published,
        Some(PubDate { time: Some((9, 40)), zone: Some("GMT".into()), ..date(2023, 7, 7) })
    );
    assert_eq!(wire.meta.author.as_deref(), Some("Sample Wire Staff"));
    assert_eq!(wire.meta.language, "en");
    assert!(wire.paragraphs.iter().all(|p| p.direction == Direction::Ltr));
    assert_eq!(article_direction(&wire), Direction::Ltr);

    let daily = import(&root().join("assets/sample/daily_en.md")).article;
    assert_eq!(daily.meta.title, "White House \"was not aware\" of Lavrov meeting, official says");
    assert_eq!(daily.meta.published, Some(date(2023, 7, 8)));
    assert_eq!(daily.meta.outlet.as_deref(), Some("Sample Daily Ledger"));
    assert!(daily.text.contains("had not been aware"), "emphasis text kept");
}

#[test]
fn dates_table() {
    let table: &[(&str, Option<&str>)] = &[
        ("07-يوليو-2023", Some("2023-07-07")),
        ("٢٣ تشرين الثاني ٢٠٢٠", Some("2020-11-23")),
        ("06-07-2023", Some("2023-07-06")),
        ("13/07/2023", Some("2023-07-13")),
        ("July 7, 2023 09:40 GMT", Some("2023-07-07 09:40 GMT")),
        ("8 July 2023", Some("2023-07-08")),
        ("2023-07-07", Some("2023-07-07")),
        ("2023-07-07T09:40:00+03:00", Some("2023-07-07 09:40 +03:00")),
        ("2023-07-07T06:40:00Z", Some("2023-07-07 06:40 UTC")),
        ("Fri, 07 Jul 2023 09:40:00 GMT", Some("2023-07-07 09:40 GMT")),
        ("الجمعة 7 يوليو/تموز 2023", Some("2023-07-07")),
        ("3 أيار 2024", Some("2024-05-03")),
        ("15 أغسطس 2022 - 10:05 م", Some("2022-08-15 22:05")),
        ("نشر في: 1 كانون الثاني 2021", Some("2021-01-01")),
        ("٠٦-٠٧-٢٠٢٣", Some("2023-07-06")),
        ("Sample Daily Ledger, 8 July 2023", Some("2023-07-08")),
        ("gettyimages", None),
        ("30 فبراير 2023", None),
        ("6 مسؤولين", None),
        ("1444 هـ", None),
    ];
    for (input, expected) in table {
        assert_eq!(parse_date(input).map(|d| d.iso()).as_deref(), *expected, "{input}");
    }
}

fn error_for(path: &Path) -> IngestError {
    match import_path(path, &ImportOptions::default()) {
        Ok(_) => panic!("{} imported", path.display()),
        Err(error) => {
            assert!(error.to_string().ends_with(&path.display().to_string()), "{error}");
            assert_eq!(error.path(), path);
            error
        }
    }
}

#[test]
fn bad_inputs_give_clear_errors() {
    assert!(matches!(error_for(&fixture("empty.txt")), IngestError::Empty { .. }));
    let png = error_for(&fixture("photo.png"));
    assert!(matches!(png, IngestError::Binary { kind: Some(_), .. }), "{png}");
    assert!(png.to_string().contains("PNG"), "{png}");
    assert!(matches!(error_for(&fixture("blob.bin")), IngestError::Binary { .. }));
    assert!(matches!(error_for(&fixture("mixed/sub/07_no_text.html")), IngestError::NoText { .. }));
    assert!(matches!(error_for(&fixture("no-such-file.txt")), IngestError::NotFound { .. }));
    assert!(matches!(error_for(&fixture("mixed")), IngestError::IsFolder { .. }));
    // A path through a file cannot be read.
    let through_file = fixture("empty.txt").join("child.txt");
    assert!(matches!(
        error_for(&through_file),
        IngestError::Io { .. } | IngestError::NotFound { .. }
    ));
}

#[test]
fn files_over_the_limit_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(MAX_FILE_BYTES + 1).unwrap();
    drop(file);
    let error = error_for(&path);
    assert!(
        matches!(error, IngestError::TooLarge { size, limit, .. } if size == MAX_FILE_BYTES + 1 && limit == MAX_FILE_BYTES),
        "{error}"
    );
    assert!(error.to_string().contains("20.0 MB"), "{error}");
    let bytes = vec![b'a'; usize::try_from(MAX_FILE_BYTES).unwrap() + 1];
    let from_bytes = import_bytes(&bytes, None, &ImportOptions::default());
    assert!(matches!(from_bytes, Err(IngestError::TooLarge { .. })));
}

#[test]
fn folder_of_mixed_files() {
    let mixed = fixture("mixed");
    let (files, errors) = expand_paths(std::slice::from_ref(&mixed));
    assert!(errors.is_empty(), "{errors:?}");
    let names: Vec<String> =
        files.iter().map(|f| f.strip_prefix(&mixed).unwrap().display().to_string()).collect();
    assert_eq!(
        names,
        [
            "01_good.txt",
            "02_good.md",
            "03_empty.txt",
            "04_image.txt",
            "sub/06_good.html",
            "sub/07_no_text.html"
        ]
    );

    let calls = RefCell::new(Vec::new());
    let missing = fixture("missing-folder");
    let results = import_many(
        &[mixed.clone(), missing.clone()],
        &ImportOptions::default(),
        &|done, total| {
            calls.borrow_mut().push((done, total));
        },
    );
    assert_eq!(calls.into_inner(), (1..=6).map(|d| (d, 6)).collect::<Vec<_>>());
    assert_eq!(results.len(), 7);
    let outcome = |name: &str| {
        results
            .iter()
            .find(|(p, _)| p.ends_with(name))
            .map_or_else(|| panic!("{name} missing"), |(_, r)| r)
    };
    assert!(matches!(outcome("missing-folder"), Err(IngestError::NotFound { .. })));
    assert!(matches!(outcome("03_empty.txt"), Err(IngestError::Empty { .. })));
    assert!(matches!(outcome("04_image.txt"), Err(IngestError::Binary { .. })));
    assert!(matches!(outcome("07_no_text.html"), Err(IngestError::NoText { .. })));
    let good = |name: &str| match outcome(name) {
        Ok(imported) => {
            assert_well_formed(&imported.article);
            imported.article.clone()
        }
        Err(error) => panic!("{error}"),
    };
    assert_eq!(good("01_good.txt").meta.language, "ar");
    assert_eq!(good("02_good.md").meta.title, "Officials deny approving talks");
    assert_eq!(good("06_good.html").meta.title, "Kremlin declines comment");
    assert_eq!(missing, results.first().unwrap().0);
}

#[test]
fn unreadable_folder_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let locked = dir.path().join("locked");
    std::fs::create_dir(&locked).unwrap();
    std::fs::write(locked.join("a.txt"), "text").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Plain text that imports.").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&locked).is_ok(); // root reads anything
    let (files, errors) = expand_paths(&[dir.path().to_owned()]);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(files.iter().any(|f| f.ends_with("b.txt")), "the rest of the folder still imports");
    if readable {
        assert!(errors.is_empty(), "{errors:?}");
    } else {
        assert_eq!(errors.len(), 1, "{errors:?}");
        let message = errors.first().unwrap().to_string();
        assert!(message.ends_with(&locked.display().to_string()), "{message}");
    }
}

#[test]
fn clipboard_paste_detects_format() {
    let html = import_text(
        "<h1>Talks denied</h1><p>The spokesperson said no.</p><figure><figcaption>Lavrov (AFP)</figcaption></figure>",
        SourceFormat::Clipboard,
    );
    assert_well_formed(&html.article);
    assert_eq!(html.article.meta.title, "Talks denied");
    assert_eq!(html.article.source.format, SourceFormat::Clipboard);
    assert!(paragraph_texts(&html.article).contains(&("Lavrov (AFP)", ParagraphRole::Caption)));

    let markdown = import_text(
        "## Reaction\n\nHe said **no** to [the plan](http://x).\n\nAnother *line*.",
        SourceFormat::Clipboard,
    );
    assert_well_formed(&markdown.article);
    assert!(markdown.article.text.contains("He said no to the plan."));

    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let pasted = import_text(&seed.replace('\n', "\r\n"), SourceFormat::Clipboard);
    assert_eq!(pasted.article.text, import(&seed_path()).article.text);
}

#[test]
fn truncated_and_damaged_files_never_panic() {
    for name in ["seed_utf16le_bom.txt", "seed_windows1256.txt", "article_ar.html", "article_ar.md"]
    {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let hint = PathBuf::from(name);
        for cut in (0..bytes.len()).step_by(97) {
            let result =
                import_bytes(bytes.get(..cut).unwrap(), Some(&hint), &ImportOptions::default());
            match result {
                Ok(imported) => assert_well_formed(&imported.article),
                Err(IngestError::Internal { .. }) => {
                    panic!("{name} cut at {cut} hit an internal error")
                }
                Err(_) => {}
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), ext in "(txt|md|html|bin)") {
        let hint = PathBuf::from(format!("x.{ext}"));
        match import_bytes(&bytes, Some(&hint), &ImportOptions::default()) {
            Ok(imported) => assert_well_formed(&imported.article),
            Err(error) => prop_assert!(!matches!(error, IngestError::Internal { .. }), "{}", error),
        }
    }

    #[test]
    fn arbitrary_text_is_well_formed(text in "[\\PC\u{2029}\u{85}\r\n\t <>#*\\[\\]()ابتثجح0-9]{0,300}") {
        let imported = import_text(&text, SourceFormat::Clipboard);
        assert_well_formed(&imported.article);
    }
}

/// Import timings on generated inputs. Not run by default (it takes seconds in a
/// debug build): `cargo test --test it ingest::import_speed -- --ignored --nocapture`.
#[test]
#[ignore = "timing figures, run by hand"]
fn import_speed() {
    use std::time::Instant;
    let seed = std::fs::read_to_string(seed_path()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copies = 1000;
    let big_text = format!("{seed}\n\n").repeat(copies);
    let cases: Vec<(&str, Vec<u8>, usize)> = vec![
        ("seed.txt", seed.clone().into_bytes(), 24),
        ("big.txt", big_text.clone().into_bytes(), 24 * copies),
        ("big_cp1256.txt", encoding_rs::WINDOWS_1256.encode(&big_text).0.into_owned(), 24 * copies),
        (
            "big.html",
            format!(
                "<html><body><article>{}</article></body></html>",
                seed.lines()
                    .filter(|l| !l.trim().is_empty())
                    .fold(String::new(), |mut out, l| {
                        out.push_str("<p>");
                        out.push_str(l);
                        out.push_str("</p>\n");
                        out
                    })
                    .repeat(copies / 4)
            )
            .into_bytes(),
            0,
        ),
    ];
    // Warm up lazily built tables (date patterns) so the first figure is fair.
    let _ = import_text("7 July 2023", SourceFormat::PlainText);
    for (name, bytes, expected_paragraphs) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, &bytes).unwrap();
        let start = Instant::now();
        let imported = import_path(&path, &ImportOptions::default()).unwrap();
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        if expected_paragraphs > 0 {
            assert_eq!(imported.article.paragraphs.len(), expected_paragraphs, "{name}");
        }
        println!(
            "ingest_speed file={name} bytes={} paragraphs={} encoding={} ms={ms:.1}",
            bytes.len(),
            imported.article.paragraphs.len(),
            imported.encoding.name
        );
    }
}
