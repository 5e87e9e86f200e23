import { type CsvValue, csv, type GeneratedFiles } from './csv.ts';
import { REACTION_ICD10 } from './drugs.ts';
import { Random, round } from './random.ts';

/** ICD-10 code | name | chapter | typical annual cost per patient (USD, median). */
const CONDITIONS = `
A41.9|Sepsis, unspecified organism|Infectious and parasitic diseases|38000
A04.7|Enterocolitis due to Clostridioides difficile|Infectious and parasitic diseases|16000
B18.2|Chronic viral hepatitis C|Infectious and parasitic diseases|21000
B20|HIV disease|Infectious and parasitic diseases|42000
C16.9|Malignant neoplasm of stomach|Neoplasms|98000
C18.9|Malignant neoplasm of colon|Neoplasms|82000
C20|Malignant neoplasm of rectum|Neoplasms|86000
C25.9|Malignant neoplasm of pancreas|Neoplasms|125000
C34.90|Malignant neoplasm of bronchus or lung|Neoplasms|115000
C43.9|Malignant melanoma of skin|Neoplasms|74000
C50.919|Malignant neoplasm of breast|Neoplasms|62000
C61|Malignant neoplasm of prostate|Neoplasms|34000
C64.9|Malignant neoplasm of kidney|Neoplasms|88000
C67.9|Malignant neoplasm of bladder|Neoplasms|52000
C83.30|Diffuse large B-cell lymphoma|Neoplasms|140000
C90.00|Multiple myeloma|Neoplasms|165000
C91.00|Acute lymphoblastic leukaemia|Neoplasms|190000
C92.00|Acute myeloid leukaemia|Neoplasms|210000
D50.9|Iron deficiency anaemia|Diseases of the blood|2100
D57.1|Sickle-cell disease without crisis|Diseases of the blood|31000
D68.1|Hereditary factor XI deficiency|Diseases of the blood|12000
E03.9|Hypothyroidism, unspecified|Endocrine, nutritional and metabolic diseases|1400
E05.90|Thyrotoxicosis, unspecified|Endocrine, nutritional and metabolic diseases|2300
E10.9|Type 1 diabetes mellitus without complications|Endocrine, nutritional and metabolic diseases|12500
E10.65|Type 1 diabetes mellitus with hyperglycaemia|Endocrine, nutritional and metabolic diseases|15800
E11.9|Type 2 diabetes mellitus without complications|Endocrine, nutritional and metabolic diseases|6200
E11.22|Type 2 diabetes mellitus with diabetic chronic kidney disease|Endocrine, nutritional and metabolic diseases|14800
E11.40|Type 2 diabetes mellitus with diabetic neuropathy|Endocrine, nutritional and metabolic diseases|11200
E11.319|Type 2 diabetes mellitus with diabetic retinopathy|Endocrine, nutritional and metabolic diseases|10400
E11.51|Type 2 diabetes mellitus with peripheral angiopathy|Endocrine, nutritional and metabolic diseases|16900
E11.65|Type 2 diabetes mellitus with hyperglycaemia|Endocrine, nutritional and metabolic diseases|8700
E11.621|Type 2 diabetes mellitus with foot ulcer|Endocrine, nutritional and metabolic diseases|24500
E66.01|Morbid (severe) obesity due to excess calories|Endocrine, nutritional and metabolic diseases|5200
E66.9|Obesity, unspecified|Endocrine, nutritional and metabolic diseases|2600
E78.00|Pure hypercholesterolaemia|Endocrine, nutritional and metabolic diseases|1100
E78.5|Hyperlipidaemia, unspecified|Endocrine, nutritional and metabolic diseases|950
E84.0|Cystic fibrosis with pulmonary manifestations|Endocrine, nutritional and metabolic diseases|92000
E87.1|Hypo-osmolality and hyponatraemia|Endocrine, nutritional and metabolic diseases|7800
F03.90|Unspecified dementia|Mental and behavioural disorders|29000
F10.20|Alcohol dependence, uncomplicated|Mental and behavioural disorders|8800
F11.20|Opioid dependence, uncomplicated|Mental and behavioural disorders|15500
F17.210|Nicotine dependence, cigarettes|Mental and behavioural disorders|900
F20.9|Schizophrenia, unspecified|Mental and behavioural disorders|21000
F31.9|Bipolar disorder, unspecified|Mental and behavioural disorders|11800
F32.9|Major depressive disorder, single episode|Mental and behavioural disorders|5400
F33.1|Major depressive disorder, recurrent, moderate|Mental and behavioural disorders|7300
F41.1|Generalised anxiety disorder|Mental and behavioural disorders|3900
F84.0|Autistic disorder|Mental and behavioural disorders|17500
G20|Parkinson's disease|Diseases of the nervous system|19500
G30.9|Alzheimer's disease, unspecified|Diseases of the nervous system|33000
G35|Multiple sclerosis|Diseases of the nervous system|68000
G40.909|Epilepsy, unspecified|Diseases of the nervous system|9800
G43.909|Migraine, unspecified|Diseases of the nervous system|3700
G47.33|Obstructive sleep apnoea|Diseases of the nervous system|2900
G62.9|Polyneuropathy, unspecified|Diseases of the nervous system|5100
H25.9|Age-related cataract|Diseases of the eye|1900
H35.30|Age-related macular degeneration|Diseases of the eye|8600
H40.9|Glaucoma, unspecified|Diseases of the eye|2200
I10|Essential (primary) hypertension|Diseases of the circulatory system|1600
I11.0|Hypertensive heart disease with heart failure|Diseases of the circulatory system|21500
I20.9|Angina pectoris, unspecified|Diseases of the circulatory system|7200
I21.4|Non-ST elevation myocardial infarction|Diseases of the circulatory system|46000
I21.9|Acute myocardial infarction, unspecified|Diseases of the circulatory system|52000
I25.10|Atherosclerotic heart disease of native coronary artery|Diseases of the circulatory system|8900
I26.99|Pulmonary embolism without acute cor pulmonale|Diseases of the circulatory system|24000
I42.0|Dilated cardiomyopathy|Diseases of the circulatory system|27000
I48.0|Paroxysmal atrial fibrillation|Diseases of the circulatory system|9400
I48.91|Atrial fibrillation, unspecified|Diseases of the circulatory system|10200
I50.22|Chronic systolic heart failure|Diseases of the circulatory system|24800
I50.32|Chronic diastolic heart failure|Diseases of the circulatory system|21300
I50.9|Heart failure, unspecified|Diseases of the circulatory system|19800
I63.9|Cerebral infarction, unspecified|Diseases of the circulatory system|41000
I70.209|Atherosclerosis of native arteries of extremities|Diseases of the circulatory system|12600
I73.9|Peripheral vascular disease, unspecified|Diseases of the circulatory system|9900
I82.409|Acute deep vein thrombosis of lower extremity|Diseases of the circulatory system|13800
J18.9|Pneumonia, unspecified organism|Diseases of the respiratory system|17500
J44.1|Chronic obstructive pulmonary disease with exacerbation|Diseases of the respiratory system|18600
J44.9|Chronic obstructive pulmonary disease, unspecified|Diseases of the respiratory system|8900
J45.909|Asthma, unspecified|Diseases of the respiratory system|3600
J84.10|Pulmonary fibrosis, unspecified|Diseases of the respiratory system|39000
J96.01|Acute respiratory failure with hypoxia|Diseases of the respiratory system|44000
K21.9|Gastro-oesophageal reflux disease|Diseases of the digestive system|1500
K50.90|Crohn's disease, unspecified|Diseases of the digestive system|32000
K51.90|Ulcerative colitis, unspecified|Diseases of the digestive system|24000
K57.30|Diverticulosis of large intestine|Diseases of the digestive system|4200
K70.30|Alcoholic cirrhosis of liver|Diseases of the digestive system|36000
K74.60|Cirrhosis of liver, unspecified|Diseases of the digestive system|31000
K76.0|Fatty (change of) liver (NAFLD)|Diseases of the digestive system|3400
K85.90|Acute pancreatitis|Diseases of the digestive system|22000
L40.0|Psoriasis vulgaris|Diseases of the skin|14500
L89.90|Pressure ulcer|Diseases of the skin|19000
M05.79|Rheumatoid arthritis with rheumatoid factor|Diseases of the musculoskeletal system|21000
M06.9|Rheumatoid arthritis, unspecified|Diseases of the musculoskeletal system|17800
M10.9|Gout, unspecified|Diseases of the musculoskeletal system|2700
M16.9|Osteoarthritis of hip|Diseases of the musculoskeletal system|6900
M17.9|Osteoarthritis of knee|Diseases of the musculoskeletal system|6400
M32.9|Systemic lupus erythematosus|Diseases of the musculoskeletal system|25000
M48.06|Spinal stenosis, lumbar region|Diseases of the musculoskeletal system|8300
M54.50|Low back pain|Diseases of the musculoskeletal system|3100
M81.0|Age-related osteoporosis|Diseases of the musculoskeletal system|3800
N17.9|Acute kidney failure, unspecified|Diseases of the genitourinary system|29000
N18.3|Chronic kidney disease, stage 3|Diseases of the genitourinary system|9800
N18.4|Chronic kidney disease, stage 4|Diseases of the genitourinary system|19500
N18.6|End-stage renal disease|Diseases of the genitourinary system|98000
N39.0|Urinary tract infection, site not specified|Diseases of the genitourinary system|2800
N40.0|Benign prostatic hyperplasia|Diseases of the genitourinary system|2100
O24.410|Gestational diabetes mellitus in pregnancy|Pregnancy and childbirth|7400
R52|Chronic pain, unspecified|Symptoms and signs|4100
S72.009|Fracture of neck of femur|Injury and poisoning|45000
T86.10|Kidney transplant complication|Injury and poisoning|51000
U07.1|COVID-19|Special purposes|14000
`;

/** CPT-like code | name | category | typical cost per procedure (USD, median). */
const PROCEDURES = `
00142|Anaesthesia for lens surgery|Anaesthesia|650
00790|Anaesthesia for upper abdominal procedures|Anaesthesia|1400
10060|Incision and drainage of abscess|Surgery: integumentary|420
11042|Debridement, subcutaneous tissue|Surgery: integumentary|610
15823|Blepharoplasty, upper eyelid|Surgery: integumentary|3900
19303|Mastectomy, simple, complete|Surgery: integumentary|15200
19307|Mastectomy, modified radical|Surgery: integumentary|21800
20610|Arthrocentesis, major joint|Surgery: musculoskeletal|260
22551|Anterior cervical discectomy and fusion|Surgery: musculoskeletal|39000
22612|Posterior lumbar arthrodesis|Surgery: musculoskeletal|44000
27130|Total hip arthroplasty|Surgery: musculoskeletal|30500
27236|Open treatment of femoral neck fracture|Surgery: musculoskeletal|27500
27447|Total knee arthroplasty|Surgery: musculoskeletal|28500
29827|Arthroscopic rotator cuff repair|Surgery: musculoskeletal|12800
29881|Arthroscopic knee meniscectomy|Surgery: musculoskeletal|6100
31624|Bronchoscopy with bronchoalveolar lavage|Surgery: respiratory|2400
32480|Lobectomy of lung|Surgery: respiratory|42000
32663|Thoracoscopic lobectomy|Surgery: respiratory|38500
33208|Insertion of dual-chamber pacemaker|Surgery: cardiovascular|19800
33249|Insertion of implantable defibrillator|Surgery: cardiovascular|41000
33361|Transcatheter aortic valve replacement|Surgery: cardiovascular|58000
33405|Aortic valve replacement, open|Surgery: cardiovascular|71000
33533|Coronary artery bypass, single arterial graft|Surgery: cardiovascular|64000
35301|Carotid endarterectomy|Surgery: cardiovascular|18200
36415|Venipuncture|Surgery: cardiovascular|12
36556|Insertion of central venous catheter|Surgery: cardiovascular|720
36821|Arteriovenous anastomosis for dialysis access|Surgery: cardiovascular|9800
37225|Femoral/popliteal revascularisation with atherectomy|Surgery: cardiovascular|17400
38221|Bone marrow biopsy|Surgery: haemic and lymphatic|820
38241|Autologous haematopoietic stem cell transplantation|Surgery: haemic and lymphatic|125000
38571|Laparoscopic pelvic lymphadenectomy|Surgery: haemic and lymphatic|12400
43235|Upper gastrointestinal endoscopy, diagnostic|Surgery: digestive|1300
43239|Upper gastrointestinal endoscopy with biopsy|Surgery: digestive|1500
43644|Laparoscopic gastric bypass|Surgery: digestive|26500
43775|Laparoscopic sleeve gastrectomy|Surgery: digestive|22000
44140|Partial colectomy|Surgery: digestive|31000
44970|Laparoscopic appendectomy|Surgery: digestive|13800
45378|Colonoscopy, diagnostic|Surgery: digestive|1350
45385|Colonoscopy with polypectomy|Surgery: digestive|1900
47562|Laparoscopic cholecystectomy|Surgery: digestive|11200
48150|Pancreaticoduodenectomy (Whipple)|Surgery: digestive|78000
49505|Inguinal hernia repair|Surgery: digestive|6700
50360|Renal allotransplantation|Surgery: urinary|142000
52000|Cystourethroscopy|Surgery: urinary|640
52601|Transurethral resection of prostate|Surgery: urinary|9400
55866|Laparoscopic radical prostatectomy|Surgery: urinary|27500
58150|Total abdominal hysterectomy|Surgery: female genital|15800
59400|Routine obstetric care, vaginal delivery|Maternity care and delivery|13000
59510|Routine obstetric care, caesarean delivery|Maternity care and delivery|19500
61510|Craniotomy for excision of brain tumour|Surgery: nervous system|68000
62323|Lumbar epidural steroid injection|Surgery: nervous system|780
63030|Lumbar laminotomy with decompression|Surgery: nervous system|18500
64483|Transforaminal epidural injection|Surgery: nervous system|820
64721|Carpal tunnel release|Surgery: nervous system|3100
66984|Cataract extraction with intraocular lens|Surgery: eye|3400
67028|Intravitreal injection|Surgery: eye|1900
69436|Tympanostomy|Surgery: auditory|2600
70450|CT head without contrast|Radiology|420
70553|MRI brain with and without contrast|Radiology|1650
71045|Chest X-ray, single view|Radiology|65
71250|CT thorax without contrast|Radiology|480
71271|Low-dose CT for lung cancer screening|Radiology|310
72148|MRI lumbar spine without contrast|Radiology|1100
74177|CT abdomen and pelvis with contrast|Radiology|780
76700|Ultrasound, abdomen complete|Radiology|290
77067|Screening mammography, bilateral|Radiology|240
77385|Intensity-modulated radiotherapy delivery|Radiology|1350
77080|DXA bone density scan|Radiology|130
78815|PET-CT, skull base to mid-thigh|Radiology|2300
80053|Comprehensive metabolic panel|Pathology and laboratory|22
80061|Lipid panel|Pathology and laboratory|28
82947|Glucose, quantitative, blood|Pathology and laboratory|8
83036|Haemoglobin A1c|Pathology and laboratory|17
84443|Thyroid-stimulating hormone|Pathology and laboratory|36
85025|Complete blood count with differential|Pathology and laboratory|14
81162|BRCA1/BRCA2 full sequence and deletion analysis|Pathology and laboratory|2400
81445|Solid tumour gene panel, 5–50 genes|Pathology and laboratory|3000
88305|Surgical pathology, gross and microscopic|Pathology and laboratory|120
87635|SARS-CoV-2 amplified probe technique|Pathology and laboratory|70
90471|Immunisation administration|Medicine|28
90935|Haemodialysis, single evaluation|Medicine|340
92014|Ophthalmological examination, established patient|Medicine|170
92928|Percutaneous coronary stent placement|Medicine|17500
93000|Electrocardiogram, 12 leads|Medicine|35
93306|Transthoracic echocardiography with Doppler|Medicine|520
93458|Left heart catheterisation with coronary angiography|Medicine|5200
93656|Catheter ablation of atrial fibrillation|Medicine|29000
94010|Spirometry|Medicine|65
95810|Polysomnography|Medicine|1150
96413|Chemotherapy infusion, first hour|Medicine|410
96365|Intravenous infusion, first hour|Medicine|190
97110|Therapeutic exercise, 15 minutes|Medicine|48
99213|Office visit, established patient, low complexity|Evaluation and management|110
99214|Office visit, established patient, moderate complexity|Evaluation and management|160
99223|Initial hospital care, high complexity|Evaluation and management|300
99285|Emergency department visit, high severity|Evaluation and management|650
99291|Critical care, first 30–74 minutes|Evaluation and management|420
99497|Advance care planning, first 30 minutes|Evaluation and management|95
G0105|Colorectal cancer screening, high-risk colonoscopy|HCPCS Level II|1300
J9271|Injection, pembrolizumab, 1 mg|HCPCS Level II|11200
J9299|Injection, nivolumab, 1 mg|HCPCS Level II|9800
J0135|Injection, adalimumab, 20 mg|HCPCS Level II|3200
`;

/**
 * ICD-10-CM code | name | chapter | typical cost of one episode (USD, median): the codes of the
 * adverse reactions of adverse-event-reports (REACTION_ICD10) that CONDITIONS lacks, costed per
 * episode of care — what treating one occurrence costs, not a year of a chronic disease.
 */
const REACTION_CONDITIONS = `
B37.49|Other urogenital candidiasis|Infectious and parasitic diseases|280
D64.9|Anaemia, unspecified|Diseases of the blood|1600
D69.6|Thrombocytopenia, unspecified|Diseases of the blood|5200
D70.2|Other drug-induced agranulocytosis|Diseases of the blood|24000
D70.9|Neutropenia, unspecified|Diseases of the blood|9800
E11.10|Type 2 diabetes mellitus with ketoacidosis without coma|Endocrine, nutritional and metabolic diseases|18500
E16.2|Hypoglycaemia, unspecified|Endocrine, nutritional and metabolic diseases|4200
E87.2|Acidosis (including lactic acidosis)|Endocrine, nutritional and metabolic diseases|14500
E87.5|Hyperkalaemia|Endocrine, nutritional and metabolic diseases|5600
E87.6|Hypokalaemia|Endocrine, nutritional and metabolic diseases|3100
G47.00|Insomnia, unspecified|Diseases of the nervous system|900
I61.9|Nontraumatic intracerebral haemorrhage, unspecified|Diseases of the circulatory system|62000
I95.9|Hypotension, unspecified|Diseases of the circulatory system|3400
J70.4|Drug-induced interstitial lung disorder, unspecified|Diseases of the respiratory system|21000
J84.9|Interstitial pulmonary disease, unspecified|Diseases of the respiratory system|26000
K52.1|Toxic gastroenteritis and colitis|Diseases of the digestive system|9500
K59.00|Constipation, unspecified|Diseases of the digestive system|300
K71.6|Toxic liver disease with hepatitis|Diseases of the digestive system|19000
K71.9|Toxic liver disease, unspecified|Diseases of the digestive system|15500
K92.2|Gastrointestinal haemorrhage, unspecified|Diseases of the digestive system|16500
L29.9|Pruritus, unspecified|Diseases of the skin|250
L51.1|Stevens-Johnson syndrome|Diseases of the skin|48000
M25.50|Pain in unspecified joint|Diseases of the musculoskeletal system|420
M62.82|Rhabdomyolysis|Diseases of the musculoskeletal system|17800
M66.9|Spontaneous rupture of tendon, unspecified|Diseases of the musculoskeletal system|11500
M79.10|Myalgia, unspecified site|Diseases of the musculoskeletal system|350
R00.1|Bradycardia, unspecified|Symptoms and signs|4800
R05.9|Cough, unspecified|Symptoms and signs|250
R06.00|Dyspnoea, unspecified|Symptoms and signs|1900
R10.9|Unspecified abdominal pain|Symptoms and signs|2200
R11.0|Nausea|Symptoms and signs|450
R11.10|Vomiting, unspecified|Symptoms and signs|1200
R19.7|Diarrhoea, unspecified|Symptoms and signs|700
R21|Rash and other nonspecific skin eruption|Symptoms and signs|300
R42|Dizziness and giddiness|Symptoms and signs|800
R45.851|Suicidal ideations|Symptoms and signs|7200
R50.9|Fever, unspecified|Symptoms and signs|900
R51.9|Headache, unspecified|Symptoms and signs|600
R53.83|Other fatigue|Symptoms and signs|350
R56.9|Unspecified convulsions|Symptoms and signs|7800
R58|Haemorrhage, not elsewhere classified|Symptoms and signs|6900
R60.0|Localised oedema|Symptoms and signs|400
R63.0|Anorexia|Symptoms and signs|500
R63.4|Abnormal weight loss|Symptoms and signs|350
R63.5|Abnormal weight gain|Symptoms and signs|300
R74.8|Abnormal levels of other serum enzymes|Symptoms and signs|220
R79.1|Abnormal coagulation profile|Symptoms and signs|650
R94.31|Abnormal electrocardiogram|Symptoms and signs|480
T78.3XXA|Angioneurotic oedema, initial encounter|Injury and poisoning|3800
T80.89XA|Other complications following infusion and therapeutic injection, initial encounter|Injury and poisoning|2100
`;

const SOURCES = [
  'Synthetic commercial claims panel',
  'Synthetic Medicare fee-for-service sample',
  'Synthetic hospital cost-accounting feed',
];

function parse(table: string): Array<[string, string, string, number]> {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [code = '', name = '', group = '', cost = ''] = line.split('|');
      return [code, name, group, Number(cost)];
    });
}

type CostBasis = 'per patient-year' | 'per episode' | 'per procedure';
type CostItem = readonly ['condition' | 'procedure', CostBasis, string, string, string, number];

function costRows(random: Random, items: readonly CostItem[]): CsvValue[][] {
  const rows: CsvValue[][] = [];
  for (const [kind, basis, code, name, group, typical] of items) {
    const median = typical * random.logNormal(1, 0.08);
    const sdLog = kind === 'condition' ? random.between(0.7, 1.2) : random.between(0.3, 0.7);
    const n = Math.round(random.logNormal(kind === 'condition' ? 2500 : 1200, 1));
    const noise = () => random.normal(1, 0.4 / Math.sqrt(Math.max(n, 30)));
    const year = random.chance(0.7) ? 2023 : 2022;
    const money = (value: number) => round(value, value < 100 ? 2 : 0);
    rows.push([
      code,
      kind,
      name,
      group,
      basis,
      money(median * Math.exp((sdLog * sdLog) / 2) * noise()),
      money(median * Math.exp(-0.6745 * sdLog) * noise()),
      money(median * noise()),
      money(median * Math.exp(0.6745 * sdLog) * noise()),
      Math.max(20, n),
      'USD',
      year,
      random.pick(SOURCES),
    ]);
  }
  return rows;
}

/**
 * Costs per condition (annual cost per patient, or cost per episode for the codes of adverse
 * reactions) and per procedure (cost per procedure): a typical
 * cost per item, then a log-normal distribution of patient-level costs around it whose spread is
 * drawn per item; mean, 25th, 50th and 75th percentiles are the log-normal's exact values with a
 * little noise, as if estimated from the sample size reported.
 */
export function generateHealthEconomics(): GeneratedFiles {
  const items = [
    ...parse(CONDITIONS).map((item) => ['condition', 'per patient-year', ...item] as const),
    ...parse(PROCEDURES).map((item) => ['procedure', 'per procedure', ...item] as const),
  ];
  const reactionItems = parse(REACTION_CONDITIONS).map(
    (item) => ['condition', 'per episode', ...item] as const,
  );
  const known = new Set([...items, ...reactionItems].map((item) => item[2]));
  for (const [term, code] of Object.entries(REACTION_ICD10))
    if (!known.has(code)) throw new Error(`no cost row for ${code}, the code of the reaction ${term}`);
  // The reaction codes were added later and draw from their own stream, so every earlier row keeps
  // the values it was first generated with.
  const rows = [
    ...costRows(new Random('health-economics/v1'), items),
    ...costRows(new Random('health-economics/v1/reactions'), reactionItems),
  ];
  rows.sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0));
  return {
    'costs.csv': csv(
      [
        'code',
        'kind',
        'name',
        'category',
        'cost_basis',
        'mean_cost',
        'p25_cost',
        'median_cost',
        'p75_cost',
        'patients',
        'currency',
        'year',
        'source',
      ],
      rows,
    ),
  };
}
