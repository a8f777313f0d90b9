"""Sources for the first topic, each with one canonical address.

`citation_verified` is True only where the citation details were seen in a published source;
details not yet seen, or a reference that was not found, stay False with a plain note.
`url` is the guideline or fact sheet page, the DOI or the PubMed record; it stays empty where
no canonical address has been confirmed.
"""

from claims.models import SourceType as T

DOI = "https://doi.org/"
PUBMED = "https://pubmed.ncbi.nlm.nih.gov/"

SOURCES = [
    {
        "key": "espen-2018",
        "short_name": "ESPEN guideline 2018",
        "source_type": T.GUIDELINE,
        "citation": "Burgos R, et al. ESPEN guideline clinical nutrition in neurology. "
        "Clin Nutr. 2018;37(1):354-396.",
        "year": 2018,
        "doi": "10.1016/j.clnu.2017.09.003",
        "pmid": "29274834",
        "url": DOI + "10.1016/j.clnu.2017.09.003",
        "citation_verified": True,
        "citation_note": "Citation seen in a published source. Its wording on vitamin B12 and "
        "MS was seen only in a summary written by an AI answer site, not in the guideline "
        "itself.",
    },
    {
        "key": "nice-ng239",
        "short_name": "NICE NG239 (2024)",
        "source_type": T.GUIDELINE,
        "citation": "National Institute for Health and Care Excellence. Vitamin B12 deficiency "
        "in over 16s: diagnosis and management. NICE guideline NG239; 2024. Summary: Sands T, "
        "et al. BMJ. 2024;385:q1019.",
        "year": 2024,
        "url": "https://www.nice.org.uk/guidance/ng239",
        "citation_verified": False,
        "citation_note": "Seen only through summaries of the guideline, such as the BMJ "
        "summary, not in the guideline itself.",
    },
    {
        "key": "nice-ng220",
        "short_name": "NICE NG220 (2022)",
        "source_type": T.GUIDELINE,
        "citation": "National Institute for Health and Care Excellence. Multiple sclerosis in "
        "adults: management. NICE guideline NG220; 2022 (replaced CG186).",
        "year": 2022,
        "url": "https://www.nice.org.uk/guidance/ng220",
        "citation_verified": True,
    },
    {
        "key": "bsh-2014",
        "short_name": "BSH guideline 2014",
        "source_type": T.GUIDELINE,
        "citation": "Devalia V, Hamilton MS, Molloy AM. Guidelines for the diagnosis and "
        "treatment of cobalamin and folate disorders. Br J Haematol. 2014;166(4):496-513.",
        "year": 2014,
        "doi": "10.1111/bjh.12959",
        "pmid": "24942828",
        "url": DOI + "10.1111/bjh.12959",
        "citation_verified": True,
        "citation_note": "Superseded in the UK by NICE NG239, as noted by the BSH in November "
        "2024.",
    },
    {
        "key": "ods-b12",
        "short_name": "NIH ODS vitamin B12 fact sheet",
        "source_type": T.FACT_SHEET,
        "citation": "National Institutes of Health, Office of Dietary Supplements. Vitamin B12: "
        "fact sheet for health professionals and consumer fact sheet.",
        "url": "https://ods.od.nih.gov/factsheets/VitaminB12-HealthProfessional/",
        "citation_verified": True,
    },
    {
        "key": "cochrane-oral-im",
        "short_name": "Cochrane review CD004655",
        "source_type": T.SYSTEMATIC_REVIEW,
        "citation": "Oral vitamin B12 versus intramuscular vitamin B12 for vitamin B12 "
        "deficiency. Cochrane Database of Systematic Reviews, CD004655.pub3 (search to July "
        "2017; 3 randomised trials, 153 people).",
        "year": 2018,
        "doi": "10.1002/14651858.CD004655.pub3",
        "url": DOI + "10.1002/14651858.CD004655.pub3",
        "citation_verified": False,
        "citation_note": "Review number and findings seen in a published source. The authors "
        "(Wang H, et al.) and the year 2018 have not yet been checked.",
    },
    {
        "key": "mstrust-b12",
        "short_name": "MS Trust: Vitamin B12",
        "source_type": T.CHARITY_OPINION,
        "citation": "MS Trust. Vitamin B12. MS A-Z.",
        "url": "https://mstrust.org.uk/a-z/vitamin-b12",
        "citation_verified": True,
    },
    {
        "key": "reynolds-1992",
        "short_name": "Reynolds et al. 1992",
        "source_type": T.OBSERVATIONAL,
        "citation": "Reynolds EH, Bottiglieri T, Laundy M, Crellin RF, Kirker SG. Vitamin B12 "
        "metabolism in multiple sclerosis. Arch Neurol. 1992;49(6):649-652.",
        "year": 1992,
        "doi": "10.1001/archneur.1992.00530300089014",
        "url": DOI + "10.1001/archneur.1992.00530300089014",
        "citation_verified": True,
    },
    {
        "key": "vrethem-2003",
        "short_name": "Vrethem et al. 2003",
        "source_type": T.OBSERVATIONAL,
        "citation": "Vrethem M, et al. Increased plasma homocysteine levels without signs of "
        "vitamin B12 deficiency in patients with multiple sclerosis. Mult Scler. "
        "2003;9(3):239-245.",
        "year": 2003,
        "citation_verified": True,
    },
    {
        "key": "najafi-2012",
        "short_name": "Najafi et al. 2012",
        "source_type": T.OBSERVATIONAL,
        "citation": "Najafi MR, Shaygannajad V, Mirpourian M, Gholamrezaei A. Vitamin B12 "
        "deficiency and multiple sclerosis; is there any association? Int J Prev Med. 2012 "
        "(volume and pages not yet confirmed).",
        "year": 2012,
        "url": "http://ijpm.mui.ac.ir/index.php/ijpm/article/view/595",
        "citation_verified": False,
        "citation_note": "Title, authors, journal, year and findings seen in the published "
        "abstract. The volume and pages have not yet been confirmed.",
    },
    {
        "key": "li-2020",
        "short_name": "Li et al. 2020 (meta-analysis)",
        "source_type": T.SYSTEMATIC_REVIEW,
        "citation": "Li X, et al. Int J Med Sci. 2020;17(6):751-761.",
        "year": 2020,
        "pmid": "32218697",
        "url": PUBMED + "32218697/",
        "citation_verified": True,
    },
    {
        "key": "nozari-2019",
        "short_name": "Nozari et al. 2019 (trial)",
        "source_type": T.RCT,
        "citation": "Nozari E, et al. Clin Nutr Res. 2019;8(1):36-45.",
        "year": 2019,
        "pmid": "30746346",
        "url": PUBMED + "30746346/",
        "citation_verified": True,
    },
    {
        "key": "scalabrino-2009",
        "short_name": "Scalabrino 2009",
        "source_type": T.ANIMAL_LAB,
        "citation": "Scalabrino G. The multi-faceted basis of vitamin B12 (cobalamin) "
        "neurotrophism in adult central nervous system: lessons learned from its deficiency. "
        "Prog Neurobiol. 2009;88(3):203-220.",
        "year": 2009,
        "doi": "10.1016/j.pneurobio.2009.04.004",
        "url": DOI + "10.1016/j.pneurobio.2009.04.004",
        "citation_verified": True,
    },
    {
        "key": "wade-2002",
        "short_name": "Wade et al. 2002 (trial)",
        "source_type": T.RCT,
        "citation": "Wade DT, et al. J Neurol Neurosurg Psychiatry. 2002;73(3):246-249 "
        "(trial of the Cari Loder regime).",
        "year": 2002,
        "pmid": "12185153",
        "url": PUBMED + "12185153/",
        "citation_verified": True,
    },
    {
        "key": "savage-1994",
        "short_name": "Savage et al. 1994",
        "source_type": T.OBSERVATIONAL,
        "citation": "Savage DG, Lindenbaum J, Stabler SP, Allen RH. Am J Med. 1994;96:239-46.",
        "year": 1994,
        "citation_verified": False,
        "citation_note": "The figures were seen only in a summary of the study, not in the "
        "study itself. The journal details have not yet been checked.",
    },
    {
        "key": "kumar-2006",
        "short_name": "Kumar 2006",
        "source_type": T.CHARITY_OPINION,  # a narrative (expert) review
        "citation": "Kumar N. Copper deficiency myelopathy (human swayback). Mayo Clin Proc. "
        "2006;81(10):1371-1384.",
        "year": 2006,
        "pmid": "17036563",
        "url": PUBMED + "17036563/",
        "citation_verified": True,
        "citation_note": "A review of copper deficiency, not of vitamin B12 deficiency.",
    },
    {
        "key": "sandyk-1993",
        "short_name": "Sandyk and Awerbuch 1993",
        "source_type": T.OBSERVATIONAL,
        "citation": "Sandyk R, Awerbuch GI. Vitamin B12 and its relationship to age of onset of "
        "multiple sclerosis. Int J Neurosci. 1993.",
        "year": 1993,
        "citation_verified": False,
        "citation_note": "Cited by an AI answer site's summary. We could not find it, so it is "
        "not yet checked.",
    },
    {
        "key": "fda-biotin",
        "short_name": "FDA biotin warning (2017, updated 2019)",
        "source_type": T.FACT_SHEET,
        "citation": "US Food and Drug Administration. Safety communication: biotin (vitamin B7) "
        "can interfere with lab tests. 2017, updated 2019.",
        "year": 2019,
        "citation_verified": True,
    },
    {
        "key": "uk-drv-b12",
        "short_name": "UK reference nutrient intake (as quoted by NHS.UK)",
        "source_type": T.FACT_SHEET,
        "citation": "UK Department of Health dietary reference values: reference nutrient "
        "intake for vitamin B12 in adults, as quoted by NHS.UK.",
        "citation_verified": False,
        "citation_note": "Seen only as quoted by NHS.UK and UK pharmacy guides, not in the "
        "Department of Health's own report.",
    },
]
