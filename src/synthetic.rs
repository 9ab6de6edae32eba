//! Deterministic synthetic projects for benchmarks and scale tests: many articles in
//! Arabic and English with statements, questions, links and notes. Not used by the
//! app itself.

use std::collections::BTreeSet;

use crate::model::{
    Article, ArticleId, ArticleMeta, CharRange, Direction, Kind, Link, LinkId, LinkKind, Note,
    NoteId, NoteTarget, Origin, Paragraph, ParagraphRole, Project, PubDate, Question, QuestionId,
    Review, SourceInfo, Statement, StatementId, TextSpan,
};

const ARABIC_SENTENCES: [&str; 6] = [
    "وقال متحدث باسم وزارة الخارجية الأمريكية إن الإدارة لم توافق على هذه المحادثات.",
    "وأفادت مصادر مطلعة بأن الاجتماع عقد في نيويورك بعلم من البيت الأبيض.",
    "ونقلت شبكة إن بي سي نيوز عن ستة مسؤولين سابقين أن اللقاء استمر عدة ساعات.",
    "وأكد مكتب الرئيس الأوكراني أنه لا يمكن تقرير مصير أوكرانيا بدون أوكرانيا.",
    "ويتزامن ذلك مع اجتماع مرتقب لقادة حلف شمال الأطلسي في ليتوانيا الأسبوع المقبل.",
    "وقالت المتحدثة باسم الخارجية الروسية إن موسكو لم ترفض الحوار يوما (2023).",
];

const ENGLISH_SENTENCES: [&str; 6] = [
    "A State Department spokesperson said the administration did not approve the talks.",
    "People briefed on the discussions said the meeting took place in New York in April.",
    "NBC News reported, citing six officials, that the talks lasted several hours.",
    "The office of the Ukrainian president said nothing could be decided without Kyiv.",
    "The meeting comes ahead of a NATO summit in Vilnius next week, analysts noted.",
    "Kremlin spokesman Dmitry Peskov declined to confirm that the meeting had happened.",
];

const OUTLETS: [&str; 6] =
    ["Reuters", "NBC News", "الجزيرة نت", "Associated Press", "العربية", "BBC"];
const ACTORS: [&str; 4] =
    ["US State Department", "Ukrainian Presidency", "Russian Foreign Ministry", "Kremlin"];

/// A tiny deterministic generator (so every run builds the same project).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 =
            self.0.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn article(id: ArticleId, index: usize, paragraphs: usize, rng: &mut Lcg) -> Article {
    let arabic = index.is_multiple_of(2);
    let pool = if arabic { &ARABIC_SENTENCES } else { &ENGLISH_SENTENCES };
    let mut text = String::new();
    let mut list = Vec::new();
    let mut start = 0;
    for p in 0..paragraphs {
        let mut paragraph = String::new();
        for s in 0..3 {
            if s > 0 {
                paragraph.push(' ');
            }
            paragraph.push_str(pool[rng.below(pool.len())]);
        }
        if p > 0 {
            text.push('\n');
            start += 1;
        }
        let len = paragraph.chars().count();
        text.push_str(&paragraph);
        list.push(Paragraph {
            range: CharRange::new(start, start + len),
            role: if p == 0 { ParagraphRole::Headline } else { ParagraphRole::Body },
            direction: if arabic { Direction::Rtl } else { Direction::Ltr },
        });
        start += len;
    }
    Article {
        id,
        meta: ArticleMeta {
            title: format!("{} {index}", if arabic { "تقرير" } else { "Report" }),
            outlet: Some(OUTLETS[index % OUTLETS.len()].to_owned()),
            published: Some(PubDate {
                year: 2023,
                month: 7,
                day: (index % 28 + 1) as u8,
                time: Some(((index % 24) as u8, 0)),
                zone: Some("UTC".to_owned()),
            }),
            language: if arabic { "ar" } else { "en" }.to_owned(),
            ..ArticleMeta::default()
        },
        text,
        paragraphs: list,
        source: SourceInfo {
            path: Some(format!("/data/articles/{index:04}.txt")),
            sha256: format!("{index:064x}"),
            encoding: "UTF-8".to_owned(),
            ..SourceInfo::default()
        },
    }
}

/// A project with `articles` articles and `statements` statements spread over them,
/// 12 questions, a link for every tenth statement and a note for every twentieth.
#[must_use]
pub fn project(articles: usize, statements: usize) -> Project {
    let mut rng = Lcg(0x5eed);
    let mut project = Project::new("Synthetic");
    if articles == 0 {
        return project;
    }
    let per_article = statements.div_ceil(articles.max(1));
    let paragraphs = (per_article / 3 + 2).max(4);
    let mut article_ids = Vec::new();
    for index in 0..articles {
        let id = ArticleId(project.alloc_id());
        project.articles.insert(id, article(id, index, paragraphs, &mut rng));
        article_ids.push(id);
    }
    let mut question_ids = Vec::new();
    for order in 0..12 {
        let id = QuestionId(project.alloc_id());
        project.questions.insert(
            id,
            Question {
                id,
                title: format!("Question {order}: did it happen?"),
                translation: String::new(),
                order,
            },
        );
        question_ids.push(id);
    }
    let mut statement_ids = Vec::new();
    for n in 0..statements {
        let article_id = article_ids[n % article_ids.len().max(1)];
        let id = StatementId(project.alloc_id());
        let Some(article) = project.articles.get(&article_id) else { continue };
        let slot = n / article_ids.len().max(1);
        let Some(paragraph) = article.paragraphs.get(1 + slot % (article.paragraphs.len() - 1))
        else {
            continue;
        };
        let range = CharRange::new(
            paragraph.range.start,
            (paragraph.range.start + 60).min(paragraph.range.end),
        );
        let kind = match rng.below(10) {
            0..=3 => Kind::Official,
            4..=8 => Kind::Unofficial,
            _ => Kind::Unclassified,
        };
        let statement = Statement {
            id,
            article: article_id,
            span: TextSpan::from_text(&article.text, range),
            cue: None,
            kind,
            review: if n % 3 == 0 { Review::Suggested } else { Review::Accepted },
            origin: Origin::Analysis,
            speaker: Some(format!("speaker {}", n % 17)),
            actor: (kind == Kind::Official).then(|| ACTORS[n % ACTORS.len()].to_owned()),
            via: if n % 4 == 0 { vec![OUTLETS[n % OUTLETS.len()].to_owned()] } else { Vec::new() },
            confidence: 0.8,
            lang: article.meta.language.clone(),
            reason: None,
            question: (n % 5 == 0).then(|| question_ids[n % question_ids.len()]),
            tags: BTreeSet::new(),
            translation: if n % 7 == 0 {
                "Translation of the statement.".to_owned()
            } else {
                String::new()
            },
        };
        project.statements.insert(id, statement);
        statement_ids.push(id);
    }
    for pair in statement_ids.chunks(20) {
        if let [a, .., b] = pair {
            let id = LinkId(project.alloc_id());
            let kind = LinkKind::ALL[(a.0 % 4) as usize];
            project.links.insert(id, Link { id, from: *a, to: *b, kind });
        }
    }
    let when: jiff::Timestamp = jiff::Timestamp::UNIX_EPOCH;
    for target in statement_ids.iter().step_by(20) {
        let id = NoteId(project.alloc_id());
        project.notes.insert(
            id,
            Note {
                id,
                target: NoteTarget::Statement(*target),
                text: "ملاحظة: يجب التحقق من هذا المصدر.".to_owned(),
                translation: "Note: check this source.".to_owned(),
                created: when,
                modified: when,
            },
        );
    }
    project
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_project_is_consistent_and_sized_as_asked() {
        let project = project(20, 500);
        assert_eq!(project.articles.len(), 20);
        assert_eq!(project.statements.len(), 500);
        for statement in project.statements.values() {
            let article = &project.articles[&statement.article];
            assert!(statement.span.matches(&article.text), "span matches its article text");
        }
        assert_eq!(project, super::project(20, 500), "deterministic");
    }
}
