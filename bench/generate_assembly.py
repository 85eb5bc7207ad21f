"""Generate a large IC-ASM general assembly: a council file and an agenda, for load and screen tests.

Each delegate represents one fictional member association of a region's country. Everything
comes from `random.Random(seed)`, so the same delegate count and seed give byte-identical files.

    python bench/generate_assembly.py [--delegates N] [--seed S] [--out DIR]
"""

# No `from __future__ import annotations`: with string annotations, dataclasses need this module
# in sys.modules, which a plain `spec_from_file_location` import does not give them.

import argparse
import functools
import itertools
import random
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import tomli_w

REPO = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO / "agendas" / "ic-asm-ga"
DEFAULT_DELEGATES = 160
DEFAULT_SEED = 2027
COUNCIL_FILE = "council.toml"
AGENDA_FILE = "2027-06-general-assembly.toml"
ELECTION_SCRIPT = "2027-06-general-assembly-election.script"
COUNCIL_SEATS = 7  # elected by STV from the regional caucuses' candidates
CANDIDATES_PER_REGION = 3

_LINE = 81  # the width of the section rules in agendas/ic-asm/*.toml
_MAX_INLINE = 100  # longer arrays are written one element a line
_ALTERNATE_SHARE = 0.10
_NOT_IN_GOOD_STANDING_SHARE = 0.03
_EXTRA_ENGLISH = 0.25  # delegates who also follow English, besides their country's languages


@dataclass(frozen=True)
class _Style:
    """How member associations are named in one language: `template` over heads x groups x places."""

    template: str
    heads: tuple[str, ...]
    groups: tuple[str, ...]

    def names(self, places: Sequence[str]) -> list[str]:
        return [
            self.template.format(head=head, group=group, place=place)
            for head, group, place in itertools.product(self.heads, self.groups, places)
        ]


_ENGLISH = _Style(
    "{place} {group} {head}",
    ("Association", "Union", "Cooperative Society", "Network", "Federation"),
    (
        "Small-Scale Miners'",
        "Artisanal Gold Miners'",
        "Women Miners'",
        "Alluvial Miners'",
        "Young Miners'",
        "Gemstone Miners'",
    ),
)
# French places carry their own preposition, because it elides: "de Kaya" but "d'Essakane".
_FRENCH = _Style(
    "{head} {group} {place}",
    ("Coopérative", "Association", "Union", "Groupement", "Fédération"),
    (
        "des orpailleurs",
        "des artisans miniers",
        "des femmes orpailleuses",
        "des creuseurs",
        "des jeunes orpailleurs",
        "des exploitants miniers artisanaux",
    ),
)
_SPANISH = _Style(
    "{head} {group} de {place}",
    ("Cooperativa", "Asociación", "Federación", "Central", "Unión"),
    (
        "Minera",
        "de Pequeños Mineros",
        "de Mineros Artesanales",
        "de Mujeres Mineras",
        "de Mineros Auríferos",
        "de Barequeros",
    ),
)
_PORTUGUESE = _Style(
    "{head} {group} de {place}",
    ("Cooperativa", "Associação", "Federação", "União"),
    ("dos Garimpeiros", "das Garimpeiras", "dos Mineradores Artesanais", "dos Pequenos Mineradores"),
)
# Every group is a plural of people, so it takes "wa" (noun class 2) before the place.
_SWAHILI = _Style(
    "{head} {group} wa {place}",
    ("Chama cha", "Umoja wa", "Muungano wa", "Ushirika wa", "Kikundi cha"),
    ("Wachimbaji Wadogo", "Wanawake Wachimbaji", "Vijana Wachimbaji", "Wachimbaji wa Dhahabu", "Wachimbaji wa Madini"),
)
_FILIPINO = _Style(
    "{head} {group} ng {place}",
    ("Samahan", "Kapisanan", "Pederasyon", "Kooperatiba", "Alyansa"),
    ("ng Maliliit na Minero", "ng mga Minerong Bayan", "ng Kababaihang Minero", "ng mga Kabataang Minero"),
)
_INDONESIAN = _Style(
    "{head} {group} {place}",
    ("Paguyuban", "Koperasi", "Asosiasi", "Kelompok", "Perkumpulan"),
    ("Penambang Rakyat", "Penambang Emas Rakyat", "Perempuan Penambang", "Penambang Tradisional"),
)


@dataclass(frozen=True)
class _Country:
    code: str
    name: str
    time_zone: str
    languages: tuple[str, ...]
    weight: int  # its share of the region's delegates
    style: _Style
    places: tuple[str, ...]
    women: tuple[str, ...]
    men: tuple[str, ...]
    surnames: tuple[str, ...]


@dataclass(frozen=True)
class _Region:
    id: str
    name: str
    group: str | None
    weight: int  # its share of all delegates: Africa heaviest, as in ASM membership
    countries: tuple[_Country, ...]


# One country a line of pools, positional: the table reads better than keyword arguments.
# fmt: off
_REGIONS = (
    _Region(
        "anglophone-africa",
        "Anglophone Africa",
        "Africa",
        24,
        (
            _Country(
                "gh", "Ghana", "Africa/Accra", ("en",), 5, _ENGLISH,
                ("Tarkwa", "Obuasi", "Prestea", "Bibiani", "Dunkwa", "Kyebi", "Konongo", "Akwatia"),
                ("Ama", "Akosua", "Abena", "Efua", "Adwoa", "Yaa", "Afua", "Esi"),
                ("Kwame", "Kofi", "Kwabena", "Yaw", "Kwaku", "Kojo", "Kweku", "Fiifi"),
                ("Boatemaa", "Owusu", "Ansah", "Mensah", "Asante", "Boateng", "Osei", "Appiah", "Agyeman", "Darko"),
            ),
            _Country(
                "ng", "Nigeria", "Africa/Lagos", ("en", "yo"), 3, _ENGLISH,
                ("Ilesa", "Ijero-Ekiti", "Iperindo", "Jos Plateau", "Anka", "Minna"),
                ("Adéọlá", "Títílayọ", "Ngozi", "Chíọma", "Ifeọma", "Yétúndé", "Fúnmiláyọ", "Adaeze"),
                ("Oluwaṣeun", "Adéwálé", "Babátúndé", "Chukwuemeka", "Ọlálékan", "Ụchenna", "Túndé", "Ibrahim"),
                (
                    "Adébáyọ", "Ògúnbíyì", "Okonkwo", "Ọlátúnjí", "Nwosu",
                    "Adéyẹmí", "Bello", "Eze", "Akínwùmí", "Ṣówándé",
                ),
            ),
            _Country(
                "sl", "Sierra Leone", "Africa/Freetown", ("en",), 3, _ENGLISH,
                ("Kono", "Kenema", "Tongo Field", "Bo", "Pujehun", "Baiama"),
                ("Fatmata", "Isatu", "Mariama", "Kadiatu", "Hawa", "Aminata"),
                ("Foday", "Sahr", "Tamba", "Mohamed", "Alusine", "Komba"),
                ("Kamara", "Koroma", "Sesay", "Conteh", "Kamanda", "Bangura", "Fofanah", "Mansaray"),
            ),
            _Country(
                "zm", "Zambia", "Africa/Lusaka", ("en",), 3, _ENGLISH,
                ("Copperbelt", "Solwezi", "Mkushi", "Lufwanyama", "Kasempa", "Rufunsa"),
                ("Mutale", "Chileshe", "Mwila", "Bupe", "Natasha", "Mwape"),
                ("Mulenga", "Bwalya", "Chanda", "Kabwe", "Mwansa", "Musonda"),
                ("Chibwe", "Nkonde", "Phiri", "Banda", "Zulu", "Mwale", "Lungu", "Tembo"),
            ),
            _Country(
                "zw", "Zimbabwe", "Africa/Harare", ("en", "sn"), 4, _ENGLISH,
                ("Kadoma", "Kwekwe", "Shurugwi", "Mutare", "Bindura", "Gwanda", "Mazowe"),
                ("Rumbidzai", "Chipo", "Tsitsi", "Nyasha", "Ruvimbo", "Fadzai"),
                ("Tendai", "Tafadzwa", "Farai", "Tinashe", "Takudzwa", "Blessing"),
                ("Mashiri", "Ncube", "Moyo", "Dube", "Sibanda", "Chikwanha", "Mutasa", "Nyathi"),
            ),
            _Country(
                "lr", "Liberia", "Africa/Monrovia", ("en",), 2, _ENGLISH,
                ("Gbarpolu", "Grand Cape Mount", "Nimba", "Lofa", "Sinoe", "River Cess"),
                ("Comfort", "Musu", "Korpo", "Yamah", "Massa", "Oretha"),
                ("Momo", "Varney", "Sekou", "Jallah", "Boima", "Moses"),
                ("Kollie", "Flomo", "Kpadeh", "Massaquoi", "Gbollie", "Dolo", "Zinnah", "Kromah"),
            ),
        ),
    ),
    _Region(
        "francophone-africa",
        "Francophone Africa",
        "Africa",
        24,
        (
            _Country(
                "bf", "Burkina Faso", "Africa/Ouagadougou", ("fr",), 5, _FRENCH,
                ("de Kaya", "d'Essakane", "de Gaoua", "de Djibo", "de Houndé", "de Bouroum"),
                ("Aminata", "Salamata", "Awa", "Mariam", "Rasmata", "Pélagie", "Adèle", "Bénédicte"),
                ("Issa", "Boukary", "Souleymane", "Adama", "Hamidou", "Dieudonné", "Théophile", "Noël"),
                (
                    "Ouédraogo", "Kaboré", "Sawadogo", "Zongo", "Compaoré",
                    "Yaméogo", "Nikièma", "Tiendrébéogo", "Ilboudo", "Zoungrana",
                ),
            ),
            _Country(
                "ml", "Mali", "Africa/Bamako", ("fr", "bm"), 4, _FRENCH,
                ("de Kéniéba", "de Sadiola", "de Kangaba", "de Yanfolila", "de Naréna", "de Kalana"),
                ("Fatoumata", "Kadiatou", "Oumou", "Assétou", "Maïmouna", "Djénéba"),
                ("Moussa", "Bakary", "Seydou", "Mamadou", "Modibo", "Boubacar"),
                ("Traoré", "Diarra", "Keïta", "Coulibaly", "Sidibé", "Dembélé", "Konaté", "Sangaré"),
            ),
            _Country(
                "ci", "Côte d'Ivoire", "Africa/Abidjan", ("fr",), 3, _FRENCH,
                ("de Hiré", "de Tengréla", "de Bouaflé", "de Séguéla", "de Korhogo", "de Bondoukou"),
                ("Adjoua", "Akissi", "Affoué", "Rachelle", "Clémentine", "Edwige"),
                ("Kouassi", "Koffi", "Yao", "Sékou", "Zié", "Hervé"),
                ("Kouamé", "N'Guessan", "Ouattara", "Konan", "Bamba", "Koné", "Soro", "Kouadio"),
            ),
            _Country(
                "gn", "Guinea", "Africa/Conakry", ("fr",), 3, _FRENCH,
                ("de Siguiri", "de Kouroussa", "de Mandiana", "de Kankan", "de Banankoro", "de Dinguiraye"),
                ("Aïssatou", "Néné", "Hadja", "Mariama", "Saran", "Fanta"),
                ("Alpha", "Mamadou", "Thierno", "Sékou", "Lansana", "Ousmane"),
                ("Diallo", "Barry", "Bah", "Condé", "Camara", "Soumah", "Touré", "Sylla"),
            ),
            _Country(
                "cm", "Cameroon", "Africa/Douala", ("fr",), 2, _FRENCH,
                ("de Bétaré-Oya", "de Batouri", "de Garoua-Boulaï", "de Ngoura", "de Kambélé", "de Colomines"),
                ("Béatrice", "Hortense", "Solange", "Ghislaine", "Françoise", "Estelle"),
                ("Jean-Paul", "Serge", "Achille", "Théodore", "Emmanuel", "Célestin"),
                ("Ekwalla", "Mbarga", "Nkoulou", "Essomba", "Fotso", "Ngono", "Tchoupo", "Abéga"),
            ),
            _Country(
                "cd", "DR Congo", "Africa/Lubumbashi", ("fr", "sw"), 4, _FRENCH,
                ("de Kolwezi", "de Likasi", "de Mongbwalu", "de Tshikapa", "de Manono", "de Kipushi"),
                ("Mado", "Clarisse", "Espérance", "Gisèle", "Nathalie", "Chantal"),
                ("Patrice", "Trésor", "Gédéon", "Dieumerci", "Jean-Marie", "Fiston"),
                ("Mwamba", "Kasongo", "Ilunga", "Tshibangu", "Mukendi", "Kalonji", "Banza", "Ngoy", "Kazadi"),
            ),
            _Country(
                "mg", "Madagascar", "Indian/Antananarivo", ("fr", "mg"), 2, _FRENCH,
                ("d'Ilakaka", "de Sakaraha", "d'Andilamena", "d'Ambatondrazaka", "de Betroka", "de Vatomandry"),
                ("Hanitra", "Voahangy", "Lalao", "Fara", "Nirina", "Soa"),
                ("Hery", "Rivo", "Tahina", "Andry", "Faly", "Mamy"),
                (
                    "Rakotomalala", "Randrianarisoa", "Rasoanaivo", "Andriamanana",
                    "Razafindrakoto", "Rabemananjara", "Ravelojaona", "Rakotondrabe",
                ),
            ),
        ),
    ),
    _Region(
        "swahili-africa",
        "Swahili-speaking Africa",
        "Africa",
        20,
        (
            _Country(
                "tz", "Tanzania", "Africa/Dar_es_Salaam", ("sw", "en"), 5, _SWAHILI,
                ("Geita", "Chunya", "Mererani", "Kahama", "Tarime", "Nyarugusu"),
                ("Neema", "Zawadi", "Rehema", "Mwanaidi", "Upendo", "Halima", "Imani", "Tumaini"),
                ("Baraka", "Juma", "Emmanuel", "Hamisi", "Daudi", "Salim", "Elia", "Mussa"),
                ("Mwakasege", "Lyimo", "Kimaro", "Mushi", "Massawe", "Mwakyusa", "Shirima", "Mbwambo", "Temba"),
            ),
            _Country(
                "ke", "Kenya", "Africa/Nairobi", ("sw", "en"), 4, _ENGLISH,
                ("Migori", "Kakamega", "Taita Taveta", "Siaya", "Lolgorian", "Kitui"),
                ("Wanjirũ", "Wambũi", "Mũthoni", "Akinyi", "Achieng", "Nyokabi", "Chebet"),
                ("Otieno", "Kamau", "Kĩmani", "Mũrĩithi", "Wafula", "Kiprono", "Odhiambo"),
                ("Wekesa", "Njoroge", "Ng'ang'a", "Gĩthinji", "Ochieng", "Mwangi", "Kariũki", "Onyango"),
            ),
            _Country(
                "ug", "Uganda", "Africa/Kampala", ("en", "sw"), 3, _ENGLISH,
                ("Busia", "Mubende", "Karamoja", "Buhweju", "Namayingo", "Kassanda"),
                ("Grace", "Nabirye", "Nakato", "Harriet", "Apio", "Sarah"),
                ("Moses", "Isaac", "Ronald", "Denis", "Godfrey", "Brian"),
                ("Okello", "Mugisha", "Ssempijja", "Wandera", "Nsubuga", "Kato", "Opio", "Tumusiime"),
            ),
            _Country(
                "cd", "DR Congo", "Africa/Lubumbashi", ("sw", "fr"), 3, _SWAHILI,
                ("Kamituga", "Misisi", "Shabunda", "Mwenga", "Lugushwa", "Walikale"),
                ("Riziki", "Sifa", "Faida", "Aimée", "Esther", "Neema"),
                ("Furaha", "Bahati", "Justin", "Amani", "Alain", "Byamungu"),
                ("Bisimwa", "Mirindi", "Cirimwami", "Bahizire", "Mugisho", "Mushagalusa", "Baguma", "Kalimira"),
            ),
            _Country(
                "rw", "Rwanda", "Africa/Kigali", ("rw", "sw", "en"), 2, _ENGLISH,
                ("Rutsiro", "Ngororero", "Rulindo", "Nyamasheke", "Gatumba", "Rwamagana"),
                ("Claudine", "Immaculée", "Odette", "Vestine", "Jeanne", "Solange"),
                ("Jean Bosco", "Théogène", "Célestin", "Innocent", "Fidèle", "Emmanuel"),
                ("Uwase", "Mukamana", "Habimana", "Niyonzima", "Mugabo", "Nshuti", "Ingabire", "Twagirayezu"),
            ),
        ),
    ),
    _Region(
        "latin-america",
        "Latin America",
        None,
        20,
        (
            _Country(
                "hn", "Honduras", "America/Tegucigalpa", ("es",), 2, _SPANISH,
                ("Olancho", "Iriona", "Santa Bárbara", "Choluteca", "Yoro", "Colón"),
                ("Marisol", "Dania", "Karla", "Yesenia", "Suyapa", "Iris"),
                ("Nelson", "Óscar", "Elvin", "Maynor", "Darwin", "José Ramón"),
                ("Cáceres", "Lagos", "Zelaya", "Mejía", "Hernández", "Ordóñez", "Banegas", "Núñez"),
            ),
            _Country(
                "co", "Colombia", "America/Bogota", ("es",), 3, _SPANISH,
                ("Chocó", "Segovia", "Remedios", "Marmato", "Zaragoza", "Timbiquí"),
                ("Luz Dary", "Yamile", "Marleny", "Nohemí", "Ángela", "Yurany"),
                ("Wilmer", "Jhon Jairo", "Arley", "Edilberto", "Yeison", "Néstor"),
                ("Restrepo", "Quiñones", "Mosquera", "Palacios", "Córdoba", "Rentería", "Asprilla", "Valencia"),
            ),
            _Country(
                "pe", "Peru", "America/Lima", ("es", "qu"), 3, _SPANISH,
                ("Puno", "La Rinconada", "Nasca", "Ocoña", "Pataz", "Madre de Dios"),
                ("Yolanda", "Rosalía", "Maribel", "Nélida", "Gladys", "Hermelinda"),
                ("Teófilo", "Saturnino", "Edwin", "Walter", "Hipólito", "Ysidro"),
                ("Huamaní", "Ccori", "Quispe", "Condori", "Puma", "Ttito", "Huillca", "Ñaupari"),
            ),
            _Country(
                "bo", "Bolivia", "America/La_Paz", ("es", "ay"), 3, _SPANISH,
                ("Potosí", "Llallagua", "Tipuani", "Oruro", "Guanay", "Mapiri"),
                ("Eulogia", "Justina", "Florencia", "Vilma", "Casimira", "Lourdes"),
                ("Rubén", "Eusebio", "Germán", "Félix", "Nicanor", "Efraín"),
                ("Mamani", "Choque", "Apaza", "Ticona", "Colque", "Huanca", "Flores", "Gutiérrez"),
            ),
            _Country(
                "ec", "Ecuador", "America/Guayaquil", ("es",), 2, _SPANISH,
                ("Ponce Enríquez", "Zaruma", "Nambija", "Portovelo", "Chinapintza", "Zamora"),
                ("Mercedes", "Narcisa", "Rocío", "Jéssica", "Fanny", "Piedad"),
                ("Segundo", "Wilson", "Ángel", "Byron", "Holger", "Efrén"),
                ("Jaramillo", "Ordóñez", "Chalán", "Loján", "Guamán", "Quezada", "Peñaloza", "Tandazo"),
            ),
            _Country(
                "ni", "Nicaragua", "America/Managua", ("es",), 1, _SPANISH,
                ("Bonanza", "Siuna", "Santo Domingo", "La Libertad", "Rosita", "Mina El Limón"),
                ("Martha", "Xiomara", "Ligia", "Maritza", "Auxiliadora", "Yamileth"),
                ("Róger", "Álvaro", "Freddy", "Marvin", "Yader", "Norlan"),
                ("Sequeira", "Obando", "Téllez", "Zamora", "Lumbí", "Chavarría", "Mairena", "Castellón"),
            ),
            _Country(
                "br", "Brazil", "America/Belem", ("pt",), 3, _PORTUGUESE,
                ("Serra Pelada", "Marabá", "Cumaru do Norte", "Tucumã", "São Félix do Xingu", "Ourilândia do Norte"),
                ("Josefa", "Raimunda", "Francisca", "Conceição", "Antônia", "Sebastiana"),
                ("João", "Raimundo", "Sebastião", "Antônio", "Francisco", "Gonçalo"),
                ("Santos", "Arruda", "Araújo", "Gonçalves", "Sousa", "Brandão", "Magalhães", "Assunção"),
            ),
        ),
    ),
    _Region(
        "sea-pacific",
        "Southeast Asia & Pacific",
        None,
        12,
        (
            _Country(
                "ph", "Philippines", "Asia/Manila", ("tl", "en"), 4, _FILIPINO,
                ("Benguet", "Itogon", "Paracale", "Masbate", "Diwalwal", "Kalinga", "Surigao"),
                ("Rowena", "Marites", "Luzviminda", "Jocelyn", "Maricel", "Niña", "Rosalinda"),
                ("Jomar", "Rodel", "Danilo", "Rogelio", "Efrén", "Ramoncito"),
                (
                    "Dimaculangan", "Tabora", "Bautista", "Dalisay", "Peñaflor",
                    "Magbanua", "Dela Peña", "Macaraeg", "Ibañez", "Catacutan",
                ),
            ),
            _Country(
                "id", "Indonesia", "Asia/Jakarta", ("id",), 3, _INDONESIAN,
                ("Mandailing Natal", "Tapanuli Selatan", "Bengkulu", "Jambi", "Lebak", "Sumatera Barat"),
                ("Siti", "Sri", "Dewi", "Nur", "Rina", "Wulan"),
                ("Budi", "Agus", "Slamet", "Joko", "Rahmat", "Hendra"),
                ("Lubis", "Nasution", "Harahap", "Siregar", "Hasibuan", "Simanjuntak", "Rangkuti", "Daulay"),
            ),
            _Country(
                "la", "Lao PDR", "Asia/Vientiane", ("lo", "en"), 1, _ENGLISH,
                ("Attapeu", "Sekong", "Bolikhamxay", "Xaisomboun", "Phongsaly", "Salavan"),
                ("Bounmy", "Phetsamone", "Manivanh", "Chanthaly", "Souksavanh", "Vanhxay"),
                ("Khamphone", "Somsack", "Bounthavy", "Thongchanh", "Phouvong", "Sengdao"),
                ("Sisavath", "Vong", "Phommachanh", "Keomany", "Sayavong", "Inthavong", "Vongsa", "Douangmala"),
            ),
            _Country(
                "pg", "Papua New Guinea", "Pacific/Port_Moresby", ("en", "tpi"), 2, _ENGLISH,
                ("Morobe", "Wau", "Bulolo", "Enga", "Sepik", "Milne Bay", "Misima"),
                ("Dorothy", "Agnes", "Miriam", "Helen", "Ruth", "Naomi"),
                ("Kila", "Peter", "Joe", "Kenneth", "Michael", "Simon"),
                ("Wamanga", "Poro", "Kaupa", "Toroi", "Yangi", "Kuman", "Waim", "Sapak"),
            ),
            _Country(
                "sb", "Solomon Islands", "Pacific/Guadalcanal", ("en",), 1, _ENGLISH,
                ("Gold Ridge", "Guadalcanal Plains", "Isabel", "Choiseul", "Malaita", "Makira"),
                ("Ellen", "Joy", "Lilly", "Rosina", "Grace", "Mary"),
                ("John", "Francis", "Rex", "Wilson", "Peter", "Moses"),
                ("Maneniaru", "Tausinga", "Kikolo", "Haomae", "Iro", "Fono", "Tanito", "Galo"),
            ),
        ),
    ),
)
# fmt: on


# The council's texts in the other languages the minutes are written in (docs/files.md): the
# generated assembly's minutes in French, Spanish, Swahili or Portuguese are not half English.
_LANGUAGES = ("fr", "es", "sw", "pt")


def _words(*translations: str) -> dict[str, str]:
    return dict(zip(_LANGUAGES, translations, strict=True))


_COUNCIL_NAME = _words(
    "Conseil international de l'exploitation minière artisanale et à petite échelle",
    "Consejo Internacional de la Minería Artesanal y en Pequeña Escala",
    "Baraza la Kimataifa la Uchimbaji Mdogo wa Madini",
    "Conselho Internacional da Mineração Artesanal e em Pequena Escala",
)
# As agendas/ic-asm/council.toml names them.
_REGION_NAMES = {
    "anglophone-africa": _words(
        "Afrique anglophone", "África anglófona", "Afrika inayozungumza Kiingereza", "África anglófona"
    ),
    "francophone-africa": _words(
        "Afrique francophone", "África francófona", "Afrika inayozungumza Kifaransa", "África francófona"
    ),
    "swahili-africa": _words(
        "Afrique swahiliphone", "África suajilihablante", "Afrika inayozungumza Kiswahili", "África de língua suaíli"
    ),
    "latin-america": _words("Amérique latine", "América Latina", "Amerika ya Kusini", "América Latina"),
    "sea-pacific": _words(
        "Asie du Sud-Est et Pacifique",
        "Sudeste Asiático y Pacífico",
        "Kusini-Mashariki mwa Asia na Pasifiki",
        "Sudeste Asiático e Pacífico",
    ),
}
# Each country as written (in English), in the other languages: fr, es, sw, pt (European).
# fmt: off
_COUNTRY_NAMES = {
    "Ghana": _words("Ghana", "Ghana", "Ghana", "Gana"),
    "Nigeria": _words("Nigeria", "Nigeria", "Nigeria", "Nigéria"),
    "Sierra Leone": _words("Sierra Leone", "Sierra Leona", "Sierra Leone", "Serra Leoa"),
    "Zambia": _words("Zambie", "Zambia", "Zambia", "Zâmbia"),
    "Zimbabwe": _words("Zimbabwe", "Zimbabue", "Zimbabwe", "Zimbabué"),
    "Liberia": _words("Liberia", "Liberia", "Liberia", "Libéria"),
    "Burkina Faso": _words("Burkina Faso", "Burkina Faso", "Burkina Faso", "Burquina Faso"),
    "Mali": _words("Mali", "Malí", "Mali", "Mali"),
    "Côte d'Ivoire": _words("Côte d'Ivoire", "Côte d'Ivoire", "Côte d'Ivoire", "Costa do Marfim"),
    "Guinea": _words("Guinée", "Guinea", "Guinea", "Guiné"),
    "Cameroon": _words("Cameroun", "Camerún", "Kamerun", "Camarões"),
    "DR Congo": _words("RD Congo", "RD del Congo", "DR Kongo", "RD do Congo"),
    "Madagascar": _words("Madagascar", "Madagascar", "Madagaska", "Madagáscar"),
    "Tanzania": _words("Tanzanie", "Tanzania", "Tanzania", "Tanzânia"),
    "Kenya": _words("Kenya", "Kenia", "Kenya", "Quénia"),
    "Uganda": _words("Ouganda", "Uganda", "Uganda", "Uganda"),
    "Rwanda": _words("Rwanda", "Ruanda", "Rwanda", "Ruanda"),
    "Honduras": _words("Honduras", "Honduras", "Honduras", "Honduras"),
    "Colombia": _words("Colombie", "Colombia", "Kolombia", "Colômbia"),
    "Peru": _words("Pérou", "Perú", "Peru", "Peru"),
    "Bolivia": _words("Bolivie", "Bolivia", "Bolivia", "Bolívia"),
    "Ecuador": _words("Équateur", "Ecuador", "Ekuador", "Equador"),
    "Nicaragua": _words("Nicaragua", "Nicaragua", "Nikaragua", "Nicarágua"),
    "Brazil": _words("Brésil", "Brasil", "Brazil", "Brasil"),
    "Philippines": _words("Philippines", "Filipinas", "Ufilipino", "Filipinas"),
    "Indonesia": _words("Indonésie", "Indonesia", "Indonesia", "Indonésia"),
    "Lao PDR": _words("RDP lao", "RDP Lao", "Laos", "RDP do Laos"),
    "Papua New Guinea": _words("Papouasie-Nouvelle-Guinée", "Papúa Nueva Guinea", "Papua Guinea Mpya", "Papua-Nova Guiné"),
    "Solomon Islands": _words("Îles Salomon", "Islas Salomón", "Visiwa vya Solomon", "Ilhas Salomão"),
    "Norway": _words("Norvège", "Noruega", "Norwei", "Noruega"),
    "Switzerland": _words("Suisse", "Suiza", "Uswisi", "Suíça"),
    "South Africa": _words("Afrique du Sud", "Sudáfrica", "Afrika Kusini", "África do Sul"),
    "Spain": _words("Espagne", "España", "Hispania", "Espanha"),
    "Thailand": _words("Thaïlande", "Tailandia", "Tailandi", "Tailândia"),
}
# fmt: on


@dataclass
class _Member:
    id: str
    name: str
    organisation: str
    gender: str
    languages: list[str]
    time_zone: str
    country: str | None = None
    region: str | None = None
    role: str = "member"
    votes: bool | None = None
    alternate: str | None = None
    good_standing: bool = True

    def body(self) -> dict[str, object]:
        """The member's keys in the order of agendas/ic-asm/council.toml, defaults left out."""
        keys: dict[str, object | None] = {
            "id": self.id,
            "name": self.name,
            "organisation": self.organisation,
            "country": self.country,
            "country_translations": _COUNTRY_NAMES[self.country] if self.country else None,
            "region": self.region,
            "role": None if self.role == "member" else self.role,
            "votes": self.votes,
            "alternate": self.alternate,
            "gender": self.gender,
            "languages": self.languages,
            "time_zone": self.time_zone,
            "good_standing": None if self.good_standing else False,
        }
        return {key: value for key, value in keys.items() if value is not None}


# Hand-written, so their names are reserved before any delegate is drawn.
_SECRETARY = _Member(
    id="sec-1",
    name="Chiara Ngozi Adébáyọ̀",
    organisation="IC-ASM Secretariat",
    gender="F",
    languages=["en", "fr"],
    time_zone="Europe/Zurich",
    role="secretary",
    votes=False,
)
_OBSERVERS = tuple(
    _Member(f"obs-{n}", name, f"{body} (observer)", gender, languages, zone, country=country, role="observer")
    for n, (name, body, gender, languages, zone, country) in enumerate(
        [
            ("Ingrid Løvås-Mensah", "Nordic ASM Research Network", "F", ["en"], "Europe/Oslo", "Norway"),
            ("Rocío Ñaupari-Tello", "Andean ASM Legal Clinic", "F", ["es", "en"], "America/Lima", "Peru"),
            (
                "Jean-Baptiste Kaboré-Müller",
                "Mercury-Free Gold Partnership",
                "M",
                ["fr", "en", "de"],
                "Europe/Zurich",
                "Switzerland",
            ),
            (
                "Thandiwe Ndlovu-Boateng",
                "Pan-African ASM Knowledge Hub",
                "F",
                ["en", "zu"],
                "Africa/Johannesburg",
                "South Africa",
            ),
            ("Raúl Gómez-Piñeiro", "Fair Gold Cooperation Fund", "M", ["es", "en"], "Europe/Madrid", "Spain"),
            ("Nguyễn Thị Lan", "Asia-Pacific Women in Mining Forum", "F", ["vi", "en"], "Asia/Bangkok", "Thailand"),
        ],
        start=1,
    )
)


@dataclass
class _Draws:
    """Distinct names and organisations: each pool is a deck shuffled once, dealt without repeats."""

    rng: random.Random
    used: set[str] = field(default_factory=set)
    decks: dict[tuple[str, ...], list[str]] = field(default_factory=dict)

    def deal(self, key: tuple[str, ...], candidates: Sequence[str]) -> str:
        deck = self.decks.get(key)
        if deck is None:
            deck = list(candidates)
            self.rng.shuffle(deck)
            self.decks[key] = deck
        while deck:
            candidate = deck.pop()
            if candidate not in self.used:
                self.used.add(candidate)
                return candidate
        raise ValueError(f"too many delegates: the pool {'/'.join(key)} has run out of distinct names")


@functools.cache
def _person_names(given: tuple[str, ...], surnames: tuple[str, ...]) -> tuple[str, ...]:
    """Single and double-barrelled surnames, as in the council's roster ("Tendai Mashiri-Ncube")."""
    family = [*surnames, *(f"{a}-{b}" for a, b in itertools.permutations(surnames, 2))]
    return tuple(f"{first} {last}" for first in given for last in family)


def _apportion(total: int, weights: Sequence[int], floor: int = 0) -> list[int]:
    """`floor` each, the rest in proportion to `weights` by largest remainder (ties to the earlier).

    Shares rather than random draws, so a small country never outnumbers a large one by chance.
    """
    rest, whole = total - floor * len(weights), sum(weights)
    counts = [rest * w // whole for w in weights]
    by_remainder = sorted(range(len(weights)), key=lambda i: (-(rest * weights[i] % whole), i))
    for i in by_remainder[: rest - sum(counts)]:
        counts[i] += 1
    return [floor + c for c in counts]


@dataclass(frozen=True)
class _Seat:
    """A delegate, and where the names of the delegate's alternate are drawn from."""

    member: _Member
    region: _Region
    country: _Country


def _name(draws: _Draws, region: _Region, country: _Country, gender: str) -> str:
    given = country.women if gender == "F" else country.men
    return draws.deal((region.id, country.code, gender), _person_names(given, country.surnames))


def _delegates(total: int, rng: random.Random, draws: _Draws) -> list[_Seat]:
    seats: list[_Seat] = []
    numbers: Counter[str] = Counter()
    # At least one delegate a region: a region without seats is an error in the council file.
    for region, in_region in zip(_REGIONS, _apportion(total, [r.weight for r in _REGIONS], floor=1), strict=True):
        in_countries = _apportion(in_region, [c.weight for c in region.countries])
        for country, in_country in zip(region.countries, in_countries, strict=True):
            for _ in range(in_country):
                gender = rng.choice("FM")
                languages = list(country.languages)
                if "en" not in languages and rng.random() < _EXTRA_ENGLISH:
                    languages.append("en")
                numbers[country.code] += 1
                member = _Member(
                    id=f"{country.code}-{numbers[country.code]:03d}",
                    name=_name(draws, region, country, gender),
                    organisation=draws.deal((region.id, country.code), country.style.names(country.places)),
                    gender=gender,
                    languages=languages,
                    time_zone=country.time_zone,
                    country=country.name,
                    region=region.id,
                )
                seats.append(_Seat(member, region, country))
    return seats


def _alternates(seats: Sequence[_Seat], rng: random.Random, draws: _Draws) -> list[_Member]:
    """Alternates from the same association, numbered after their country's delegates."""
    numbers = Counter(seat.country.code for seat in seats)
    alternates: list[_Member] = []
    for index in sorted(rng.sample(range(len(seats)), round(len(seats) * _ALTERNATE_SHARE))):
        titular, region, country = seats[index].member, seats[index].region, seats[index].country
        gender = rng.choice("FM")
        numbers[country.code] += 1
        alternate = _Member(
            id=f"{country.code}-{numbers[country.code]:03d}",
            name=_name(draws, region, country, gender),
            organisation=titular.organisation,
            gender=gender,
            languages=list(titular.languages),
            time_zone=titular.time_zone,
            country=country.name,
            region=region.id,
            role="alternate",
        )
        titular.alternate = alternate.id
        alternates.append(alternate)
    return alternates


@dataclass(frozen=True)
class _Roster:
    delegates: list[_Member]
    alternates: list[_Member]
    chair: _Member
    vice_chair: _Member
    convenor: _Member  # of the constitution working group, who presents the constitution


def _roster(total: int, rng: random.Random) -> _Roster:
    draws = _Draws(rng, used={_SECRETARY.name, *(o.name for o in _OBSERVERS)})
    seats = _delegates(total, rng, draws)
    delegates = [seat.member for seat in seats]
    chair = rng.choice(delegates)
    vice_chair = rng.choice([d for d in delegates if d.region != chair.region])
    chair.role, vice_chair.role = "chair", "vice-chair"
    convenor = rng.choice([d for d in delegates if d.role == "member"])
    # Officers and presenters are in good standing, or they could not hold office.
    lapsed = [d for d in delegates if d.role == "member" and d is not convenor]
    for member in rng.sample(lapsed, round(total * _NOT_IN_GOOD_STANDING_SHARE)):
        member.good_standing = False
    return _Roster(delegates, _alternates(seats, rng, draws), chair, vice_chair, convenor)


# -- TOML, written by hand for the layout of agendas/ic-asm/*.toml, values by tomli_w -------


def _value(value: object, key: str = "") -> str:
    if isinstance(value, dict):  # an inline table, as the hand-written files write translations
        return "{ " + ", ".join(f"{k} = {_value(v)}" for k, v in value.items()) + " }"
    if isinstance(value, datetime):
        return value.isoformat()  # the "T" form, as in the hand-written agendas
    if isinstance(value, list):
        inline = "[" + ", ".join(_value(v) for v in value) + "]"
        if len(key) + len(" = ") + len(inline) <= _MAX_INLINE:
            return inline
        return "[\n" + "".join(f"    {_value(v)},\n" for v in value) + "]"
    return tomli_w.dumps({"v": value}).removeprefix("v = ").rstrip("\n")


def _table(header: str | None, body: Mapping[str, object]) -> str:
    lines = [] if header is None else [header]
    lines += [f"{key} = {_value(value, key)}" for key, value in body.items()]
    return "\n".join(lines) + "\n"


def _section(title: str) -> str:
    return f"# ── {title} ".ljust(_LINE, "─") + "\n"


def _header(*lines: str) -> str:
    return "".join(f"# {line}\n" for line in lines)


def _regenerate(total: int, seed: int) -> str:
    return f"python bench/generate_assembly.py --delegates {total} --seed {seed}"


_RULES: tuple[tuple[str, dict[str, object]], ...] = (
    ("rules", {"default_class": "ordinary", "chair_votes": "when_decisive", "good_standing_required": True}),
    (
        "rules.quorum",
        {
            "at_least": "1/3",
            "remote_counts": True,
            "proxies_count": True,
            "regions_represented": 4,
            "each_region_at_least": "1/5",
        },
    ),
    (
        "rules.classes.ordinary",
        {
            "description": "Ordinary decisions: consensus first, then a majority of votes cast",
            "more_than": "1/2",
            "of": "votes_cast",
            "abstentions": "excluded",
            "tie": "fails",
            "consensus_first": True,
            "on_block": "vote",
        },
    ),
    (
        "rules.classes.procedural",
        {"description": "Procedural motions: a majority of votes cast", "more_than": "1/2", "of": "votes_cast"},
    ),
    (
        "rules.classes.constitutional",
        {
            "description": "The constitution and its amendments: two-thirds of votes cast, with notice",
            "at_least": "2/3",
            "of": "votes_cast",
            "tie": "fails",
            "notice_days": 60,
        },
    ),
    (
        "rules.classes.election",
        {
            "description": "Elections: a majority of votes cast; a tie is decided by lot",
            "more_than": "1/2",
            "of": "votes_cast",
            "tie": "lots",
        },
    ),
    (
        "rules.elections.council-seats",
        {"description": "Single transferable vote, counted as in Scottish local elections", "method": "scottish_stv"},
    ),
    ("rules.proxies", {"allowed": True, "same_region": True, "max_per_holder": 2}),
    ("rules.gender_balance", {"women_at_least": "2/5", "enforce": "warn"}),
    ("rules.debate", {"speaker_minutes": 2}),
)


def _council_text(roster: _Roster, total: int, seed: int) -> str:
    parts = [
        _header(
            "The IC-ASM General Assembly: the delegates of the member associations, one seat each.",
            f"{total} delegates, {len(roster.alternates)} alternates, the secretariat and {len(_OBSERVERS)} observers. "
            "All names are fictional.",
            "Generated by bench/generate_assembly.py: do not edit by hand. To regenerate:",
            f"  {_regenerate(total, seed)}",
            "`meeting schema council` prints the JSON Schema of this file.",
        ),
        "\n",
        _table(
            None,
            {
                # The minutes say "the general assembly of the {name}": the organisation's name.
                "name": "International Council for Artisanal and Small-Scale Mining",
                "short_name": "IC-ASM",
                "translations": _COUNCIL_NAME,
                "languages": ["en", "fr", "es", "sw"],
            },
        ),
    ]
    for region in _REGIONS:
        body = {
            "id": region.id,
            "name": region.name,
            "translations": _REGION_NAMES[region.id],
            **({"group": region.group} if region.group else {}),
        }
        parts += ["\n", _table("[[regions]]", body)]
    for region in _REGIONS:
        members = [d for d in roster.delegates if d.region == region.id]
        parts += ["\n", _section(f"{region.name}: {len(members)} delegates")]
        parts += ["\n" + _table("[[members]]", m.body()) for m in members]
    parts += ["\n", _section("Alternates: they vote only when their titular is absent")]
    parts += ["\n" + _table("[[members]]", m.body()) for m in roster.alternates]
    parts += ["\n", _section("Secretariat and observers: no vote")]
    parts += ["\n" + _table("[[members]]", m.body()) for m in (_SECRETARY, *_OBSERVERS)]
    parts += ["\n", _section("Rules")]
    parts += ["\n" + _table(f"[{name}]", body) for name, body in _RULES]
    return "".join(parts)


_START = datetime(2027, 6, 15, 9, 0)
_DURATION = 420
_NOTICE = date(2027, 4, 1)  # 75 days before the assembly: the constitutional class needs 60


@dataclass(frozen=True)
class _Item:
    body: dict[str, object]
    motion: dict[str, object] | None = None
    translations: dict[str, str] | None = None
    election: dict[str, object] | None = None
    gender_at_least: dict[str, int] | None = None

    @property
    def minutes(self) -> int:
        minutes = self.body["minutes"]
        assert isinstance(minutes, int)
        return minutes


def _items(roster: _Roster) -> list[_Item]:
    chair, vice, convenor, secretary = roster.chair.id, roster.vice_chair.id, roster.convenor.id, _SECRETARY.id
    candidates = council_candidates(roster)
    seats, women = _council_seats(candidates)
    return [
        _Item(
            {
                "id": "opening",
                "title": "Opening, credentials and quorum",
                "translations": _words(
                    "Ouverture, pouvoirs et quorum",
                    "Apertura, credenciales y quórum",
                    "Ufunguzi, hati za utambulisho na akidi",
                    "Abertura, credenciais e quórum",
                ),
                "kind": "procedural",
                "presenter": chair,
                "minutes": 30,
            }
        ),
        _Item(
            {
                "id": "agenda",
                "title": "Adoption of the agenda",
                "translations": _words(
                    "Adoption de l'ordre du jour",
                    "Aprobación del orden del día",
                    "Kupitishwa kwa ajenda",
                    "Aprovação da ordem do dia",
                ),
                "kind": "decision",
                "presenter": chair,
                "minutes": 5,
                "class": "procedural",
                "vote": "show_of_hands",
            },
            {"text": "That the agenda be adopted as circulated."},
        ),
        _Item(
            {
                "id": "minutes",
                "title": "Approval of the minutes of the founding assembly",
                "translations": _words(
                    "Approbation du procès-verbal de l'assemblée constitutive",
                    "Aprobación del acta de la asamblea constitutiva",
                    "Kuthibitishwa kwa kumbukumbu za mkutano mkuu wa uanzishaji",
                    "Aprovação da ata da assembleia constitutiva",
                ),
                "kind": "minutes_approval",
                "presenter": secretary,
                "minutes": 10,
                "class": "procedural",
                "vote": "show_of_hands",
                "documents": ["Draft minutes of the founding assembly, Livingstone, 2 September 2025"],
            },
            {"text": "That the minutes of the founding assembly of 2 September 2025 be approved as a true record."},
        ),
        _Item(
            {
                "id": "annual-report",
                "title": "Annual report of the council for 2026",
                "translations": _words(
                    "Rapport annuel du conseil pour 2026",
                    "Informe anual del consejo correspondiente a 2026",
                    "Ripoti ya mwaka ya baraza kwa mwaka 2026",
                    "Relatório anual do conselho relativo a 2026",
                ),
                "kind": "information",
                "presenter": chair,
                "minutes": 40,
                "documents": ["Annual report 2026 (en, fr, es, sw)"],
            }
        ),
        _Item(
            {
                "id": "accounts",
                "title": "Accounts for 2026 and the auditor's report",
                "translations": _words(
                    "Comptes de 2026 et rapport du commissaire aux comptes",
                    "Cuentas de 2026 e informe del auditor",
                    "Hesabu za mwaka 2026 na ripoti ya mkaguzi wa hesabu",
                    "Contas de 2026 e relatório do auditor",
                ),
                "kind": "decision",
                "presenter": vice,
                "minutes": 30,
                "class": "ordinary",
                "vote": "show_of_hands",
                "documents": ["Accounts for 2026", "Auditor's report on the 2026 accounts"],
            },
            {"text": "That the accounts for 2026 be approved as audited."},
        ),
        _Item(
            {
                "id": "constitution",
                "title": "Adoption of the constitution",
                "translations": _words(
                    "Adoption de la constitution",
                    "Aprobación de la constitución",
                    "Kupitishwa kwa katiba",
                    "Aprovação da constituição",
                ),
                "kind": "decision",
                "presenter": convenor,
                "minutes": 90,
                "class": "constitutional",
                "vote": "roll_call",
                "documents": [
                    "Draft constitution, final version (en, fr, es, sw)",
                    "Notice of motion, circulated 1 April 2027",
                ],
            },
            {
                "text": "That the assembly adopt the constitution of the International Council for Artisanal and "
                "Small-Scale Mining as circulated with the notice of 1 April 2027.",
                "notice_given": _NOTICE,
            },
            {
                "fr": "Que l'assemblée adopte la constitution du Conseil international de l'exploitation minière "
                "artisanale et à petite échelle telle que diffusée avec l'avis du 1er avril 2027.",
                "es": "Que la asamblea adopte la constitución del Consejo Internacional de la Minería Artesanal y "
                "en Pequeña Escala tal como se distribuyó con la convocatoria del 1 de abril de 2027.",
                "sw": "Kwamba mkutano mkuu upitishe katiba ya Baraza la Kimataifa la Uchimbaji Mdogo wa Madini "
                "kama ilivyosambazwa pamoja na taarifa ya tarehe 1 Aprili 2027.",
            },
        ),
        _Item(
            {
                "id": "election",
                "title": "Election of the council",
                "translations": _words(
                    "Élection du conseil", "Elección del consejo", "Uchaguzi wa baraza", "Eleição do conselho"
                ),
                "kind": "election",
                "presenter": secretary,
                "minutes": 90,
                "class": "election",
                "vote": "secret_ballot",
                "documents": ["Candidates nominated by the regional caucuses"],
            },
            election={
                "id": "council",
                "office": "Member of the council",
                "translations": _words(
                    "Membre du conseil", "Miembro del consejo", "Mjumbe wa baraza", "Membro do conselho"
                ),
                "seats": seats,
                "method": "council-seats",
                "nominations": "list",
                "candidates": [c.id for c in candidates],
            },
            gender_at_least={"F": women} if women else None,
        ),
        _Item(
            {
                "id": "fees",
                "title": "Membership fees for 2028",
                "translations": _words(
                    "Cotisations pour 2028",
                    "Cuotas de afiliación para 2028",
                    "Ada za uanachama kwa mwaka 2028",
                    "Quotas de adesão para 2028",
                ),
                "kind": "decision",
                "presenter": vice,
                "minutes": 30,
                "class": "ordinary",
                "vote": "consensus",
                "documents": ["Secretariat proposal on membership fees for 2028"],
            },
            {
                "text": "That the annual membership fee for 2028 be 50 US dollars per member association, "
                "waived for associations of fewer than 30 miners."
            },
            {
                "fr": "Que la cotisation annuelle pour 2028 soit de 50 dollars américains par association membre, "
                "les associations de moins de 30 mineurs en étant exonérées.",
                "es": "Que la cuota anual de afiliación para 2028 sea de 50 dólares estadounidenses por asociación "
                "miembro, con exención para las asociaciones de menos de 30 mineros.",
                "sw": "Kwamba ada ya uanachama ya mwaka 2028 iwe dola 50 za Marekani kwa kila chama mwanachama, "
                "na vyama vyenye wachimbaji chini ya 30 visilipe ada hiyo.",
            },
        ),
        _Item(
            {
                "id": "aob",
                "title": "Any other business",
                "translations": _words("Questions diverses", "Asuntos varios", "Mengineyo", "Outros assuntos"),
                "kind": "other_business",
                "presenter": chair,
                "minutes": 15,
            }
        ),
        _Item(
            {
                "id": "closing",
                "title": "Date and place of the next assembly, and closing",
                "translations": _words(
                    "Date et lieu de la prochaine assemblée, et clôture",
                    "Fecha y lugar de la próxima asamblea, y clausura",
                    "Tarehe na mahali pa mkutano mkuu ujao, na kufunga",
                    "Data e local da próxima assembleia, e encerramento",
                ),
                "kind": "procedural",
                "presenter": chair,
                "minutes": 10,
            }
        ),
    ]


# The agenda's title and place in the other languages; the place as the minutes' title says it
# after "held" ("tenue à Nairobi…"; Portuguese puts it in brackets after the date).
_AGENDA_WORDS = {
    "fr": ("Assemblée générale de l'IC-ASM, juin 2027", "à Nairobi (Kenya), en présentiel et à distance"),
    "es": (
        "Asamblea General del IC-ASM, junio de 2027",
        "en Nairobi (Kenia), de forma presencial y con participación a distancia",
    ),
    "sw": ("Mkutano Mkuu wa IC-ASM, Juni 2027", "jijini Nairobi, Kenya, ana kwa ana na kwa njia ya mtandao"),
    "pt": (
        "Assembleia Geral do IC-ASM, junho de 2027",
        "em Nairóbi, Quénia, presencialmente e com participação remota",
    ),
}


def _agenda_text(roster: _Roster, total: int, seed: int) -> str:
    items = _items(roster)
    planned = sum(item.minutes for item in items)
    parts = [
        _header(
            "The IC-ASM General Assembly of June 2027, in Nairobi with remote participation:",
            f"09:00 to 16:00 East Africa Time; the {_DURATION - planned} minutes not planned below are the breaks.",
            "Generated by bench/generate_assembly.py: do not edit by hand. To regenerate:",
            f"  {_regenerate(total, seed)}",
            "`meeting schema agenda` prints the JSON Schema of this file.",
        ),
        "\n",
        _table(
            None,
            {
                "id": "2027-06-general-assembly",
                "title": "IC-ASM General Assembly, June 2027",
                "kind": "general_assembly",
                "start": _START,
                "time_zone": "Africa/Nairobi",
                "duration_minutes": _DURATION,
                "language": "en",
                # As the minutes' title says it after "held" (docs/files.md).
                "place": "in Nairobi, Kenya, in person and with remote participation",
                "link": "https://meet.example.org/ic-asm/ga-2027",
                "chair": roster.chair.id,
                "secretary": _SECRETARY.id,
                "council": COUNCIL_FILE,
            },
        ),
    ]
    for language, (title, place) in _AGENDA_WORDS.items():
        parts += ["\n", _table(f"[translations.{language}]", {"title": title, "place": place})]
    for item in items:
        parts += ["\n", _table("[[items]]", item.body)]
        if item.motion is not None:
            parts += ["\n", _table("[items.motion]", item.motion)]
        if item.translations is not None:
            parts += ["\n", _table("[items.motion.translations]", item.translations)]
        if item.election is not None:
            parts += ["\n", _table("[[items.elections]]", item.election)]
        if item.gender_at_least is not None:
            parts += ["\n", _table("[items.elections.gender_at_least]", item.gender_at_least)]
    return "".join(parts)


def council_candidates(roster: _Roster) -> list[_Member]:
    """The regional caucuses' candidates for the council: the first delegates of each region in
    good standing, men and women alternately, the chair and vice-chair left out."""
    chosen: list[_Member] = []
    for region in _REGIONS:
        members = [d for d in roster.delegates if d.region == region.id and d.good_standing and d.role == "member"]
        women = [d for d in members if d.gender == "F"]
        men = [d for d in members if d.gender != "F"]
        mixed = [d for pair in itertools.zip_longest(women, men) for d in pair if d is not None]
        chosen += mixed[:CANDIDATES_PER_REGION]
    return chosen


def _council_seats(candidates: Sequence[_Member]) -> tuple[int, int]:
    """Seats to fill (fewer than the candidates, in a small assembly), and the women among them
    the composition rule asks for (no more than stand)."""
    seats = max(1, min(COUNCIL_SEATS, len(candidates) - 1))
    women = sum(1 for c in candidates if c.gender == "F")
    return seats, min(3, seats, women)


def _ballots(roster: _Roster, candidates: Sequence[_Member], seed: int) -> list[tuple[tuple[str, ...], int]]:
    """Every delegate's ranked ballot paper (anonymous: grouped into identical papers): a few
    candidates in order, the voter's own region favoured, some candidates more popular."""
    rng = random.Random(seed)
    appeal = {c.id: rng.uniform(0.5, 3.0) for c in candidates}
    papers: dict[tuple[str, ...], int] = {}
    # Who may vote: delegates in good standing; the chair, who votes only when it would decide
    # (the rules' chair_votes), casts no ballot.
    for voter in [d for d in roster.delegates if d.good_standing and d is not roster.chair]:
        left = list(candidates)
        ranking: list[str] = []
        for _rank in range(min(rng.randint(2, 6), len(left))):
            weights = [appeal[c.id] * (3.0 if c.region == voter.region else 1.0) for c in left]
            pick = rng.choices(left, weights)[0]
            left.remove(pick)
            ranking.append(pick.id)
        papers[tuple(ranking)] = papers.get(tuple(ranking), 0) + 1
    return sorted(papers.items(), key=lambda paper: (-paper[1], paper[0]))


def _election_script(roster: _Roster, total: int, seed: int) -> str:
    """The election of the council, replayable: every delegate present, the ballot on the
    closed list of candidates, the ranked papers as the tellers entered them, the count."""
    seats, women = _council_seats(council_candidates(roster))
    lines = [
        _header(
            "The election of the council at the IC-ASM General Assembly of June 2027: the single",
            f"transferable vote for {seats} seats (Scottish STV), at least {women} women, every paper typed in.",
            "Generated by bench/generate_assembly.py: do not edit by hand. To regenerate:",
            f"  {_regenerate(total, seed)}",
            "Replay it on the assembly's agenda (bench/elections.py times it):",
            f"  meeting replay agendas/ic-asm-ga/{AGENDA_FILE} agendas/ic-asm-ga/{ELECTION_SCRIPT} --journal J",
        ),
        "\nat 09:00\n",
    ]
    ids = [d.id for d in roster.delegates] + [_SECRETARY.id]
    lines += [f"present {' '.join(ids[i : i + 12])}\n" for i in range(0, len(ids), 12)]
    lines += ["begin\n", "at 12:00\n", "open election\n", "close-nominations\n", "round\n"]
    for ranking, count in _ballots(roster, council_candidates(roster), seed):
        lines.append(f"paper {' '.join(ranking)}" + (f" times {count}" if count > 1 else "") + "\n")
    lines += ["at 13:00\n", "result\n", "at 13:30\n", "adjourn\n"]
    return "".join(lines)


def generate(delegates: int, seed: int = DEFAULT_SEED) -> dict[str, str]:
    """The council and agenda files of an assembly of `delegates` voting seats, and the replay
    script of its election of the council, by file name.

    Every delegate holds one voting seat, the chair and vice-chair included; alternates, the
    secretary and observers come on top and hold none.
    """
    if delegates < len(_REGIONS):
        raise ValueError(f"an assembly needs at least {len(_REGIONS)} delegates, one per region")
    roster = _roster(delegates, random.Random(seed))
    return {
        COUNCIL_FILE: _council_text(roster, delegates, seed),
        AGENDA_FILE: _agenda_text(roster, delegates, seed),
        ELECTION_SCRIPT: _election_script(roster, delegates, seed),
    }


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--delegates", type=int, default=DEFAULT_DELEGATES, help="voting seats (default %(default)s)")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help="random seed (default %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output directory (default agendas/ic-asm-ga)")
    args = parser.parse_args(argv)
    try:
        files = generate(args.delegates, args.seed)
    except ValueError as problem:
        parser.error(str(problem))
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (args.out / name).write_text(text, encoding="utf-8", newline="\n")
        print(args.out / name)


if __name__ == "__main__":
    main()
