package org.briefbot.synthetic;

import java.util.List;

/**
 * Word lists the generator composes text from. Written for this generator: business-news phrasing,
 * none of it taken from a benchmark corpus. Lists are ordered roughly most common first, since they
 * are drawn with a Zipf distribution.
 */
final class Vocabulary {
  private Vocabulary() {}

  static final List<String> SYLLABLES =
      List.of(
          "vel", "tra", "nor", "kai", "bix", "zen", "lum", "ar", "quo", "sol", "dex", "mira", "ton",
          "ver", "cal", "ori", "pax", "ryn", "tel", "ul", "vox", "syn", "gal", "hel", "ion", "jun",
          "kor", "lyr", "mon", "nex", "pel", "rho", "sar", "tav", "ux", "wen", "yor", "zef", "bra",
          "cor", "dyn", "el", "fen", "gra", "hal");

  static final List<String> COMPANY_SUFFIXES =
      List.of(
          "Systems",
          "Labs",
          "Networks",
          "Technologies",
          "Capital",
          "Energy",
          "Motors",
          "Therapeutics",
          "Robotics",
          "Semiconductor",
          "Bank",
          "Logistics",
          "Media",
          "Cloud",
          "Analytics",
          "Pharma",
          "Aerospace",
          "Foods",
          "Holdings",
          "Telecom",
          "Insurance",
          "Materials",
          "Mining",
          "Security",
          "Software");

  static final List<String> FIRST_NAMES =
      List.of(
          "Maria", "James", "Wei", "Aisha", "Lukas", "Sofia", "Rahul", "Elena", "Daniel", "Yuki",
          "Omar", "Chloe", "Mateo", "Ingrid", "Kwame", "Priya", "Tomasz", "Hannah", "Jorge",
          "Leila", "Noah", "Fatima", "Sven", "Grace", "Ivan", "Mei", "Carlos", "Amara", "Felix",
          "Nadia", "Oliver", "Zara", "Pablo", "Keiko", "Arjun");

  static final List<String> LAST_NAMES =
      List.of(
          "Okafor",
          "Lindqvist",
          "Moreau",
          "Tanaka",
          "Alvarez",
          "Novak",
          "Chen",
          "Haddad",
          "Kowalski",
          "Bergmann",
          "Santos",
          "Mehta",
          "O'Neill",
          "Petrov",
          "Rossi",
          "Nakamura",
          "Dubois",
          "Sato",
          "Fischer",
          "Adeyemi",
          "Kim",
          "Larsen",
          "Costa",
          "Ivanova",
          "Walsh",
          "Yilmaz",
          "Reyes",
          "Brennan",
          "Castillo",
          "Varga");

  static final List<String> PLACES =
      List.of(
          "Singapore",
          "Rotterdam",
          "Austin",
          "Nairobi",
          "Seoul",
          "Toronto",
          "Lyon",
          "Bangalore",
          "Melbourne",
          "Sao Paulo",
          "Warsaw",
          "Osaka",
          "Dublin",
          "Lagos",
          "Helsinki",
          "Denver",
          "Tallinn",
          "Monterrey");

  static final List<String> REGIONS =
      List.of(
          "the US",
          "the EU",
          "Asia",
          "Latin America",
          "Africa",
          "the Middle East",
          "Europe",
          "North America",
          "India",
          "Japan",
          "the UK",
          "Southeast Asia");

  static final List<String> SECTORS =
      List.of(
          "cloud computing",
          "artificial intelligence",
          "semiconductors",
          "electric vehicles",
          "renewable energy",
          "digital payments",
          "biotechnology",
          "cybersecurity",
          "logistics",
          "telecommunications",
          "streaming",
          "space launch",
          "battery storage",
          "online retail",
          "insurance",
          "agriculture technology",
          "robotics",
          "quantum computing",
          "shipping",
          "pharmaceuticals",
          "data centers",
          "advertising",
          "gaming",
          "mining");

  static final List<String> PRODUCTS =
      List.of(
          "accelerator",
          "chip",
          "platform",
          "battery",
          "satellite",
          "model",
          "app",
          "vaccine",
          "turbine",
          "sensor",
          "drone",
          "router",
          "database",
          "engine",
          "headset",
          "processor",
          "network",
          "exchange",
          "marketplace");

  static final List<String> DEAL_NOUNS =
      List.of(
          "deal",
          "partnership",
          "acquisition",
          "contract",
          "merger",
          "investment",
          "licensing agreement",
          "joint venture",
          "supply agreement",
          "funding round",
          "settlement",
          "alliance");

  static final List<String> TOPIC_NOUNS =
      List.of(
          "pricing",
          "demand",
          "regulation",
          "competition",
          "supply chains",
          "infrastructure",
          "margins",
          "market share",
          "capacity",
          "talent",
          "security",
          "growth",
          "costs",
          "revenue",
          "adoption",
          "emissions",
          "privacy",
          "subsidies",
          "tariffs",
          "valuations",
          "layoffs",
          "outages",
          "patents",
          "standards");

  static final List<String> ADJECTIVES =
      List.of(
          "major",
          "landmark",
          "strategic",
          "record",
          "surprise",
          "long-term",
          "multi-year",
          "controversial",
          "ambitious",
          "costly",
          "preliminary",
          "exclusive",
          "global",
          "regional",
          "unprecedented",
          "modest");

  static final List<String> VERBS =
      List.of(
          "secures",
          "announces",
          "signs",
          "expands",
          "launches",
          "acquires",
          "backs",
          "unveils",
          "finalizes",
          "abandons",
          "delays",
          "wins",
          "renews",
          "scales back",
          "doubles down on");

  static final List<String> ANALYSTS =
      List.of(
          "Industry analysts",
          "Investors",
          "Market watchers",
          "Competitors",
          "Regulators",
          "Customers",
          "Credit agencies",
          "Trade groups",
          "Economists",
          "Consultants");

  static final List<String> KINDS_COMPANY =
      List.of(
          "Technology company",
          "Multinational conglomerate",
          "Chip designer",
          "Investment firm",
          "Cloud services provider",
          "Biotechnology company",
          "Energy producer",
          "Logistics group",
          "Telecommunications operator",
          "Automaker",
          "Software maker",
          "Media group",
          "Bank");

  static final List<String> KINDS_PERSON =
      List.of(
          "Chief executive",
          "Business executive",
          "Investor",
          "Engineer and entrepreneur",
          "Economist",
          "Regulator",
          "Politician",
          "Founder",
          "Chief financial officer",
          "Researcher");

  static final List<String> THEMES =
      List.of(
          "Artificial Intelligence",
          "Cloud Computing",
          "Competition Policy",
          "Energy Transition",
          "Supply Chains",
          "Consumer Technology",
          "Financial Markets",
          "Trade Policy",
          "Cybersecurity",
          "Healthcare Innovation",
          "Labor Markets",
          "Space Industry",
          "Mobility",
          "Data Privacy",
          "Semiconductors",
          "Climate Risk");
}
