//! Word lists the stages match against: class/id vocabulary of page furniture,
//! ad labels and "read also" phrases in many languages. Plain data plus the
//! small matchers that read it; no stage logic lives here.

use std::sync::OnceLock;

/// Splits a lower-cased class/id string into its words at anything that is not a
/// letter or digit: `"td-a-rec share_bar"` → `td`, `a`, `rec`, `share`, `bar`.
pub fn words(lowered: &str) -> impl Iterator<Item = &str> + Clone {
    lowered.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty())
}

/// A list of up to 64 non-empty fragments to look for inside short strings such as
/// class names, with each fragment's first byte indexed at compile time: one pass
/// over the string tries only the fragments that start with the byte at hand
/// (one substring search per fragment must first analyse each fragment).
pub struct Needles {
    list: &'static [&'static str],
    /// for each byte, the fragments (bits of `list`) that start with it
    first: [u64; 256],
}

impl Needles {
    pub const fn new(list: &'static [&'static str]) -> Needles {
        assert!(list.len() <= 64, "at most 64 fragments");
        let mut first = [0u64; 256];
        let mut i = 0;
        while i < list.len() {
            let bytes = list[i].as_bytes();
            assert!(!bytes.is_empty(), "fragments are not empty");
            first[bytes[0] as usize] |= 1 << i;
            i += 1;
        }
        Needles { list, first }
    }

    /// Whether any fragment occurs in `hay`.
    pub fn found_in(&self, hay: &str) -> bool {
        let h = hay.as_bytes();
        (0..h.len()).any(|i| {
            let mut bits = self.first[usize::from(h[i])];
            while bits != 0 {
                let n = self.list[bits.trailing_zeros() as usize].as_bytes();
                bits &= bits - 1;
                // compared byte by byte: a `memcmp` call costs more for a few bytes
                if n.len() <= h.len() - i && n.iter().zip(&h[i..]).all(|(a, b)| a == b) {
                    return true;
                }
            }
            false
        })
    }
}

/// Whether a lower-case class name is one of [`AD_CLASSES`] or one of them
/// followed by `-` and more (`ad-slot-top`).
pub fn is_ad_class(name: &str) -> bool {
    let b = name.as_bytes();
    AD_CLASSES.iter().any(|c| {
        let c = c.as_bytes();
        c.len() <= b.len()
            && c.iter().zip(b).all(|(x, y)| x == y)
            && (b.len() == c.len() || b[c.len()] == b'-')
    })
}

/// Whole class names (lower case) used by ad networks and ad plugins.
pub const AD_CLASSES: &[&str] = &[
    "adsbygoogle", "td-a-rec", "td-a-ad", "td-adspot-title", "google-auto-placed", "gpt-ad",
    "dfp-ad", "dfp-slot", "ad-slot", "adslot", "ad-unit", "adunit", "ad-container", "ad-wrapper",
    "ad-wrap", "ad-box", "adbox", "ad-banner", "ad-placeholder", "ad-block", "advert",
    "advertisement", "advertising", "trc_related_container", "taboola", "outbrain", "ob-widget",
    "mgid", "teads", "ezoic-ad", "adthrive", "mv-ad-box", "amp-ad", "sponsored",
    "sponsored-content", "native-ad", "pub", "publicite", "werbung", "anzeige",
];

/// Words that, standing alone in a class or id, name an ad slot.
pub const AD_WORDS: &[&str] = &[
    "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "advertorial",
    "adsense", "adslot", "adunit", "adzone", "adbox", "adspot", "adsbygoogle", "dfp",
    "doubleclick", "taboola", "outbrain", "sponsored", "sponsoredcontent", "publicite", "werbung",
    "anzeige", "reklama",
];

/// Words whose presence makes an ad-word match doubtful (`ad` in `add-comment`
/// is not split that way, but `load more`, `head`, `lead`… never reach here as
/// they are whole words; these guard compound names such as `ad-free`).
pub const AD_NEGATIVE_WORDS: &[&str] =
    &["free", "blocker", "block-detect", "choices", "feedback-form"];

/// Share endpoints of social networks and messengers, as lower-case `host/path`
/// prefixes (`www.` and the scheme dropped): a link to one of them shares the page.
pub const SHARE_ENDPOINTS: &[&str] = &[
    "facebook.com/sharer",
    "facebook.com/share.php",
    "facebook.com/dialog/share",
    "facebook.com/dialog/feed",
    "m.facebook.com/sharer",
    "twitter.com/intent/tweet",
    "twitter.com/share",
    "twitter.com/home?status",
    "x.com/intent/tweet",
    "x.com/intent/post",
    "x.com/share",
    "plus.google.com/share",
    "linkedin.com/sharearticle",
    "linkedin.com/sharing/share-offsite",
    "linkedin.com/cws/share",
    "pinterest.com/pin/create",
    "pinterest.de/pin/create",
    "reddit.com/submit",
    "api.whatsapp.com/send",
    "web.whatsapp.com/send",
    "wa.me/?",
    "t.me/share",
    "telegram.me/share",
    "vk.com/share.php",
    "connect.ok.ru/offer",
    "xing.com/spi/shares",
    "xing.com/social/share",
    "xing.com/app/user?op=share",
    "tumblr.com/share",
    "tumblr.com/widgets/share",
    "getpocket.com/save",
    "getpocket.com/edit",
    "flipboard.com/bookmarklet",
    "buffer.com/add",
    "bufferapp.com/add",
    "news.ycombinator.com/submitlink",
    "social-plugins.line.me",
    "line.me/r/msg",
    "service.weibo.com/share",
    "threads.net/intent/post",
    "bsky.app/intent/compose",
    "mastodonshare.com",
    "addtoany.com/share",
    "addthis.com/bookmark",
];

/// Whether `href` shares the page on a social network, by mail or by a messenger.
pub fn is_share_url(href: &str) -> bool {
    let href = href.trim();
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("whatsapp://send")
        || lower.starts_with("fb-messenger://share")
        || lower.starts_with("sms:?")
        || (lower.starts_with("mailto:") && (lower.contains("subject=") || lower.contains("body=")))
    {
        return true;
    }
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .or_else(|| lower.strip_prefix("//"));
    let Some(rest) = rest else { return false };
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    SHARE_ENDPOINTS.iter().any(|e| rest.starts_with(e))
}

/// Hosts whose iframes and scripts serve ads.
pub const AD_HOSTS: &[&str] = &[
    "doubleclick.net", "googlesyndication.com", "googleadservices.com", "amazon-adsystem.com",
    "adnxs.com", "taboola.com", "outbrain.com", "criteo.com", "criteo.net", "pubmatic.com",
    "rubiconproject.com", "smartadserver.com", "adform.net", "teads.tv", "mgid.com",
    "revcontent.com", "zergnet.com",
];

/// Ad labels: a block whose whole text is one of these (case and punctuation
/// ignored) is an ad label. Compared after [`label_key`].
pub const AD_LABELS: &[&str] = &[
    // English
    "advertisement",
    "advertisements",
    "advertising",
    "advert",
    "ad",
    "ads",
    "sponsored",
    "sponsored content",
    "sponsored post",
    "sponsored links",
    "paid content",
    "paid post",
    "promoted",
    "promoted content",
    "partner content",
    "story continues below advertisement",
    "article continues below advertisement",
    "article continues below",
    "story continues below",
    "continue reading below",
    "continue reading the main story",
    "scroll to continue with content",
    "advertisement scroll to continue",
    "advertisement continue reading below",
    "skip advertisement",
    "ad feedback",
    "remove ads",
    // French
    "publicité",
    "publicite",
    "pub",
    "annonce",
    "annonces",
    "sponsorisé",
    "contenu sponsorisé",
    "contenus sponsorisés",
    "contenu partenaire",
    "la suite après cette publicité",
    "la suite après la publicité",
    "la suite après cette annonce",
    "article sponsorisé",
    // German
    "anzeige",
    "werbung",
    "gesponsert",
    "weiter nach der anzeige",
    "lesen sie nach der anzeige weiter",
    "artikel wird nach der anzeige fortgesetzt",
    "der artikel wird nach der anzeige fortgesetzt",
    // Spanish, Portuguese, Italian
    "publicidad",
    "anuncio",
    "patrocinado",
    "contenido patrocinado",
    "continúa después de la publicidad",
    "sigue leyendo después de la publicidad",
    "publicidade",
    "conteúdo patrocinado",
    "continua depois da publicidade",
    "pubblicità",
    "annuncio",
    "sponsorizzato",
    "contenuto sponsorizzato",
    "continua dopo la pubblicità",
    // Northern and Eastern Europe
    "advertentie",
    "gesponsord",
    "annons",
    "reklame",
    "mainos",
    "auglýsing",
    "reklama",
    "reklamă",
    "publicitate",
    "hirdetés",
    "oglas",
    "реклама",
    "рекламa",
    "спонсорский материал",
    "διαφήμιση",
    "reklam",
    // Middle East, Asia
    "إعلان",
    "اعلان",
    "إعلانات",
    "פרסומת",
    "تبلیغات",
    "广告",
    "廣告",
    "推广",
    "広告",
    "スポンサーリンク",
    "광고",
    "विज्ञापन",
    "iklan",
    "quảng cáo",
    "โฆษณา",
];

/// Phrases that open a "read also" line or head a list of recommended links.
pub const RELATED_PHRASES: &[&str] = &[
    "related",
    "related articles",
    "related stories",
    "related posts",
    "related content",
    "related coverage",
    "related news",
    "related links",
    "related reading",
    "read also",
    "read more",
    "also read",
    "see also",
    "more from",
    "more on this",
    "more on this story",
    "more stories",
    "more news",
    "recommended",
    "recommended for you",
    "read next",
    "up next",
    "what to read next",
    "keep reading",
    "also on",
    "recommended articles",
    "recommended stories",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "most read",
    "most popular",
    "most viewed",
    "trending",
    "trending now",
    "don't miss",
    "popular",
    "popular posts",
    "latest",
    "latest news",
    "latest stories",
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "à lire également",
    "lire également",
    "voir aussi",
    "à voir aussi",
    "sur le même sujet",
    "dans la même rubrique",
    "les plus lus",
    "articles similaires",
    "articles liés",
    "vous aimerez aussi",
    "vous pourriez aimer",
    "mehr zum thema",
    "lesen sie auch",
    "auch interessant",
    "das könnte sie auch interessieren",
    "das könnte sie interessieren",
    "meistgelesen",
    "weitere artikel",
    "te puede interesar",
    "te recomendamos",
    "lea también",
    "lea más",
    "lea",
    "lee",
    "puedes ver",
    "mira",
    "mira también",
    "ver más",
    "schon gelesen",
    "weiterführende links",
    "beiträge zum thema",
    "weitere beiträge",
    "neueste artikel",
    "neueste beiträge",
    "ähnliche artikel",
    "ähnliche beiträge",
    "das könnte dich auch interessieren",
    "passend zum thema",
    "mehr dazu",
    "weiterlesen",
    "mehr lesen",
    "noch mehr",
    "auch lesenswert",
    "ebenfalls interessant",
    "more to read",
    "more like this",
    "you may also be interested in",
    "more articles",
    "other articles",
    "lee también",
    "leer más",
    "ver también",
    "noticias relacionadas",
    "artículos relacionados",
    "lo más leído",
    "leia também",
    "veja também",
    "leia mais",
    "notícias relacionadas",
    "leggi anche",
    "potrebbe interessarti",
    "articoli correlati",
    "i più letti",
    "lees ook",
    "lees meer",
    "czytaj też",
    "czytaj także",
    "zobacz też",
    "zobacz także",
    "читайте также",
    "смотрите также",
    "по теме",
    "читать также",
    "相关阅读",
    "相关文章",
    "相关新闻",
    "推荐阅读",
    "延伸阅读",
    "関連記事",
    "関連ニュース",
    "あわせて読みたい",
    "관련기사",
    "관련 기사",
    "اقرأ أيضا",
    "اقرأ أيضًا",
    "اقرأ ايضا",
    "مقالات ذات صلة",
    "اخبار ذات صلة",
];

/// Words that open a photo credit ("Foto: …", "Bild: …"), standalone or ending a caption.
pub const PHOTO_CREDIT_LEADS: &[&str] = &[
    "foto", "fotos", "photo", "photos", "photograph", "bild", "bilder", "image", "images",
    "imagen", "imagem", "credit", "credits", "crédit", "crédits", "fotografía", "getty images",
];

/// Words that start a source line ("Quelle: dpa"); with [`PHOTO_CREDIT_LEADS`],
/// the lead-ins of standalone credit lines.
pub const SOURCE_LEADS: &[&str] = &["quelle", "source", "fuente", "fonte"];

/// Whether `text` is a short credit line: a credit word and a colon, or a ©.
pub fn is_credit_line(text: &str) -> bool {
    static LEADS: OnceLock<Keys> = OnceLock::new();
    // Most texts have neither a colon nor a ©: two quick searches say so.
    if text.len() > 400 || (memchr::memchr(b':', text.as_bytes()).is_none() && !text.contains('©'))
    {
        return false;
    }
    let t = text.trim().trim_start_matches(['(', '[']).trim_start();
    if t.chars().count() > 90 || t.is_empty() {
        return false;
    }
    if t.starts_with('©') {
        return true;
    }
    let Some((head, rest)) = t.split_once(':') else {
        return false;
    };
    let leads = LEADS.get_or_init(|| {
        let all: Vec<&str> = PHOTO_CREDIT_LEADS.iter().chain(SOURCE_LEADS).copied().collect();
        Keys::of(&all)
    });
    let head = label_key_upto(head, leads.longest);
    !rest.trim().is_empty() && leads.has(&head)
}

/// Calls to action and legal lines that close pages: subscribe, download the
/// app, follow, donate, copyright. Matched lower-case, anywhere in a short block.
pub const CALLS_TO_ACTION: &[&str] = &[
    "subscribe", "subscription", "sign up", "newsletter", "download the", "download our",
    "follow us", "support our", "support us", "donate", "all rights reserved", "copyright",
    "abonnieren", "abonnent", "abonnement", "jetzt abo", "folgen sie uns",
    "alle rechte vorbehalten", "abonnez", "inscrivez-vous", "tous droits réservés", "suivez-nous",
    "suscríbete", "suscribirse", "síguenos", "derechos reservados", "iscriviti", "seguici",
    "tutti i diritti riservati", "assine", "siga-nos", "todos os direitos",
];

/// Whether a short block reads as a call to action or a legal line.
pub fn is_call_to_action(text: &str) -> bool {
    if text.chars().count() > 220 {
        return false;
    }
    let lower = text.to_lowercase();
    CALLS_TO_ACTION.iter().any(|c| lower.contains(c))
}

/// Lower-cases and strips the punctuation and symbols around and inside a short
/// label so that "- Publicité -", "PUBLICITÉ" and "[Advertisement]" compare equal.
pub fn label_key(text: &str) -> String {
    label_key_upto(text, usize::MAX)
}

/// [`label_key`], but stops once the key is longer than `max` bytes: enough to tell
/// that a text is not, or does not start with, a known label of at most `max` bytes.
fn label_key_upto(text: &str, max: usize) -> String {
    // Allocated at the first word: most text nodes are only white space.
    let mut out = String::new();
    let mut space = false;
    for c in text.chars() {
        if is_key_char(c) {
            if out.len() > max {
                break;
            }
            if out.capacity() == 0 {
                out.reserve(text.len().min(max.saturating_add(8)));
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            key_form(c, |k| out.push(k));
        } else {
            space = true;
        }
    }
    out
}

/// Whether `c` belongs to a word of a label key (others separate words).
fn is_key_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// The key form of a word character: lower case, `’` as `'`.
fn key_form(c: char, mut push: impl FnMut(char)) {
    if c.is_ascii() {
        push(c.to_ascii_lowercase());
    } else if c == '’' {
        push('\'');
    } else {
        c.to_lowercase().for_each(push);
    }
}

/// The key of the first word of a text read piece by piece (as [`label_key`]
/// would write it), without allocating: a quick "could this text be, or start
/// with, a label?" before the text is gathered and its whole key made.
#[derive(Default)]
pub struct FirstWord {
    buf: [u8; FirstWord::MAX],
    len: usize,
    started: bool,
    /// the word is longer than `MAX` bytes, so it starts no label
    long: bool,
}

impl FirstWord {
    const MAX: usize = 32;

    pub fn new() -> FirstWord {
        FirstWord::default()
    }

    /// Reads the next piece of text; true once the first word has ended.
    pub fn feed(&mut self, s: &str) -> bool {
        for c in s.chars() {
            if !is_key_char(c) {
                if self.started {
                    return true;
                }
                continue;
            }
            self.started = true;
            if self.long {
                continue;
            }
            key_form(c, |k| {
                let mut tmp = [0; 4];
                let bytes = k.encode_utf8(&mut tmp).as_bytes();
                match self.buf.get_mut(self.len..self.len + bytes.len()) {
                    Some(dst) => {
                        dst.copy_from_slice(bytes);
                        self.len += bytes.len();
                    }
                    None => self.long = true,
                }
            });
        }
        false
    }

    /// The first word's key, empty when the text has no word; `None` when it is
    /// too long to start any label.
    fn key(&self) -> Option<&str> {
        if self.long {
            return None;
        }
        // Whole characters were written, so the bytes are UTF-8.
        std::str::from_utf8(&self.buf[..self.len]).ok()
    }
}

/// Whether a text whose first word is `first` may be an ad label ([`is_ad_label`]
/// is false when this is).
pub fn may_be_ad_label(first: &FirstWord) -> bool {
    ad_label_keys().starts_with(first)
}

/// Whether a text whose first word is `first` may be or start with a "related"
/// phrase ([`related_lead`] and [`is_related_heading`] are false when this is).
pub fn may_be_related(first: &FirstWord) -> bool {
    related_keys().starts_with(first)
}

/// Label keys of a list, sorted (each with its place in the list) for lookups,
/// with the longest key's length in bytes.
struct Keys {
    sorted: Vec<(String, usize)>,
    longest: usize,
    /// the keys' first words
    firsts: std::collections::HashSet<String, crate::hash::FastHash>,
}

impl Keys {
    fn of(list: &[&str]) -> Keys {
        let mut sorted: Vec<(String, usize)> =
            list.iter().enumerate().map(|(i, l)| (label_key(l), i)).collect();
        let longest = sorted.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
        sorted.sort_unstable_by(|(a, i), (b, j)| (a.len(), a, i).cmp(&(b.len(), b, j)));
        let firsts: std::collections::HashSet<String, crate::hash::FastHash> =
            sorted.iter().filter_map(|(k, _)| k.split(' ').next()).map(str::to_owned).collect();
        assert!(firsts.iter().all(|f| f.len() <= FirstWord::MAX));
        Keys { sorted, longest, firsts }
    }

    /// Whether some key starts with the word `first` (a whole word of the key).
    fn starts_with(&self, first: &FirstWord) -> bool {
        first.key().is_some_and(|w| self.firsts.contains(w))
    }

    /// The label key of `text`, up to the longest key's length; `None` when its
    /// first word starts no key, so that neither the text nor its start is one.
    fn key_of(&self, text: &str) -> Option<String> {
        let mut first = FirstWord::new();
        first.feed(text);
        self.starts_with(&first).then(|| label_key_upto(text, self.longest))
    }

    /// The place in the list of the first entry whose key is `key`: a binary
    /// search (this runs on every short text of the page) over keys ordered by
    /// length first, so that most steps compare two numbers, not two strings.
    fn position(&self, key: &str) -> Option<usize> {
        let i = self.sorted.partition_point(|(k, _)| (k.len(), k.as_str()) < (key.len(), key));
        self.sorted.get(i).filter(|(k, _)| k == key).map(|&(_, place)| place)
    }

    fn has(&self, key: &str) -> bool {
        self.position(key).is_some()
    }
}

/// Whether the whole `text` is an ad label in some language.
pub fn is_ad_label(text: &str) -> bool {
    if text.len() > 120 {
        return false;
    }
    let labels = ad_label_keys();
    labels.key_of(text).is_some_and(|key| !key.is_empty() && labels.has(&key))
}

/// Label keys of the ad labels, computed once.
fn ad_label_keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| Keys::of(AD_LABELS))
}

/// Label keys of the related phrases, computed once.
fn related_keys() -> &'static Keys {
    static KEYS: OnceLock<Keys> = OnceLock::new();
    KEYS.get_or_init(|| Keys::of(RELATED_PHRASES))
}

/// Whether `text` is a "related"/"read also" heading, or starts with one followed
/// by a colon or dash (`"À lire aussi : …"`). Returns the length in bytes of the
/// matched lead-in within the label key, or `None`.
pub fn related_lead(text: &str) -> Option<usize> {
    if text.len() > 2000 {
        return None;
    }
    let phrases = related_keys();
    let key = phrases.key_of(text)?;
    // The key's words are split by single spaces: a lead-in is the key up to a
    // word's end; where several are phrases, the first in the list wins.
    let ends = key.match_indices(' ').map(|(i, _)| i).chain([key.len()]);
    ends.filter_map(|end| Some((phrases.position(&key[..end])?, end))).min().map(|(_, end)| end)
}

/// Whether `text` is exactly a "related"/"read also" heading.
pub fn is_related_heading(text: &str) -> bool {
    if text.len() > 200 {
        return false;
    }
    let phrases = related_keys();
    phrases.key_of(text).is_some_and(|key| !key.is_empty() && key.len() < 60 && phrases.has(&key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn share_endpoints_are_lower_case_and_matched_in_any_case() {
        assert!(SHARE_ENDPOINTS.iter().all(|e| e.to_ascii_lowercase() == *e));
        assert!(is_share_url("https://www.LinkedIn.com/shareArticle?url=x"));
        assert!(is_share_url("HTTPS://line.me/R/msg/text/?x"));
        assert!(!is_share_url("https://www.linkedin.com/in/someone"));
    }

    #[test]
    fn needles_are_found_anywhere() {
        static N: Needles = Needles::new(&["-ad-", "banner", "rss", "b"]);
        assert!(N.found_in("top-ad-slot"));
        assert!(N.found_in("page banner"));
        assert!(N.found_in("xrss"));
        assert!(N.found_in("ab"));
        assert!(!N.found_in("adverts a nner -ad"));
        assert!(!N.found_in(""));
        static NONE: Needles = Needles::new(&[]);
        assert!(!NONE.found_in("anything"));
    }

    #[test]
    fn class_words_split_on_separators() {
        let w: Vec<&str> = words("td-a-rec adslot  x_y.z").collect();
        assert_eq!(w, ["td", "a", "rec", "adslot", "x", "y", "z"]);
        assert_eq!(words(" - ").count(), 0);
    }

    #[test]
    fn first_word_is_the_key_of_the_first_word_across_pieces() {
        let mut w = FirstWord::new();
        assert!(!w.feed(" \n - "));
        assert!(!w.feed("PUBLI"));
        assert!(!w.feed("CITÉ"));
        assert!(w.feed(" - more"));
        assert_eq!(w.key(), Some("publicité"));
        assert!(may_be_ad_label(&w));
        let mut l = FirstWord::new();
        l.feed("L’article");
        assert_eq!(l.key(), Some("l'article"));
        let mut none = FirstWord::new();
        none.feed(" … ");
        assert_eq!(none.key(), Some(""));
        assert!(!may_be_ad_label(&none) && !may_be_related(&none));
        let mut long = FirstWord::new();
        long.feed(&"x".repeat(FirstWord::MAX + 1));
        assert_eq!(long.key(), None);
        // The quick test never turns away a label or a phrase of the lists.
        for list in [AD_LABELS, RELATED_PHRASES] {
            for entry in list {
                let mut w = FirstWord::new();
                w.feed(entry);
                let keys = if list == AD_LABELS { ad_label_keys() } else { related_keys() };
                assert!(keys.starts_with(&w), "{entry}");
            }
        }
        let mut other = FirstWord::new();
        other.feed("Public transport");
        assert!(!may_be_ad_label(&other) && !may_be_related(&other));
    }

    #[test]
    fn ad_labels_match_in_every_major_language() {
        for label in [
            "- Publicité-",
            "PUBLICITÉ",
            "Publicité",
            "Advertisement",
            "ADVERTISEMENT",
            "Anzeige",
            "Werbung",
            "Publicidad",
            "Pubblicità",
            "Reklama",
            "Реклама",
            "广告",
            "広告",
            "إعلان",
            "Sponsored",
            "Sponsorisé",
            "Contenu sponsorisé",
            "Annonce",
            "[ Advertisement ]",
            "광고",
            "Publicidade",
            "Story continues below advertisement",
        ] {
            assert!(is_ad_label(label), "{label}");
        }
        for text in [
            "Publicité ciblée et vie privée",
            "Advertisement rules changed in 2020.",
            "Head",
            "Lead",
            "",
        ] {
            assert!(!is_ad_label(text), "{text}");
        }
    }

    #[test]
    fn credit_lines_are_recognised() {
        assert!(is_credit_line("Foto: Jane Doe"));
        assert!(is_credit_line("(Quelle: Agentur/Unsplash)"));
        assert!(is_credit_line("© 2021 Some Agency"));
        assert!(!is_credit_line("Photo: "));
        assert!(!is_credit_line("Source: the minister said on Tuesday that the budget, which was long delayed, would pass next week."));
        assert!(!is_credit_line("The photo was taken in 1920."));
    }

    #[test]
    fn calls_to_action_are_recognised() {
        assert!(is_call_to_action("Subscribe now to our weekly edition for the full story."));
        assert!(is_call_to_action("© 2024 Example News. All rights reserved."));
        assert!(is_call_to_action("Folgen Sie uns auf Mastodon"));
        assert!(!is_call_to_action("The minister said the plan would be published next week."));
        assert!(!is_call_to_action(&"A long paragraph that mentions subscribe once. ".repeat(6)));
    }

    #[test]
    fn related_lead_ins_are_found() {
        assert!(related_lead("À lire aussi : Le titre d'un autre article").is_some());
        assert!(related_lead("LIRE AUSSI").is_some());
        assert!(related_lead("Mehr zum Thema").is_some());
        assert!(related_lead("Readers wrote in to say").is_none());
        assert!(is_related_heading("Te puede interesar"));
        assert!(!is_related_heading("Related to the budget, the minister said no"));
    }
}
