// Azerbaijani text of the methodology page (keys as in en.ts); wants a native speaker's review.
import type { MethodologyCatalogue } from './en.ts';

/** The methodology page in Azerbaijani. */
export const az: MethodologyCatalogue = {
  heading: 'Missiya necə hesablayır: metodologiya',
  back: 'Məlumatlara qayıt',
  intro:
    'Bu saytdakı rəqəmlərin nə demək olduğu, missiyanın onlara nə dərəcədə əmin olduğu və dərc olunmazdan əvvəl hansı qaydalardan keçdikləri.',
  taxonomyHeading: 'Nə qeydə alınır: insidentlərin təsnifatı',
  taxonomyIntro:
    'Hər insidentə missiyanın öz siyahısından bir alt növ verilir: ACLED-in (Armed Conflict Location & Event Data layihəsi) 25 alt növü və təhlükəsiz keçid dəhlizində iş üçün lazım olan alt növlər. Hər alt növ ACLED-in hadisə növünə uyğun gəlir, buna görə açıq məlumatları digər ACLED məlumatları ilə birləşdirmək olar. Hadisə növlərinə görə alt növlər:',
  'family.battles': 'Döyüşlər',
  'family.explosions_remote_violence': 'Partlayışlar və məsafədən zorakılıq',
  'family.violence_against_civilians': 'Mülki şəxslərə qarşı zorakılıq',
  'family.protests': 'Etirazlar',
  'family.riots': 'İğtişaşlar',
  'family.strategic_developments': 'Strateji hadisələr',
  'family.safe_passage': 'Təhlükəsiz keçid (dəhliz)',
  'family.mission_access': 'Missiyanın girişi',
  'sub.armed_clash': 'Silahlı toqquşma',
  'sub.government_regains_territory': 'Hökumət ərazi üzərində nəzarəti bərpa edir',
  'sub.non_state_actor_overtakes_territory': 'Qeyri-dövlət tərəfi ərazini ələ keçirir',
  'sub.chemical_weapon': 'Kimyəvi silah',
  'sub.air_drone_strike': 'Hava və ya dron zərbəsi',
  'sub.suicide_bomb': 'Terrorçu-intiharçı partlayışı',
  'sub.shelling_artillery_missile_attack': 'Atəş, artilleriya və ya raket zərbəsi',
  'sub.remote_explosive_landmine_ied': 'Məsafədən idarə olunan partlayıcı, mina və ya ƏPQ',
  'sub.grenade': 'Qumbara',
  'sub.sexual_violence': 'Cinsi zorakılıq',
  'sub.attack': 'Hücum',
  'sub.abduction_forced_disappearance': 'Oğurlanma və ya məcburi yoxa çıxma',
  'sub.peaceful_protest': 'Dinc etiraz',
  'sub.protest_with_intervention': 'Müdaxilə ilə etiraz',
  'sub.excessive_force_against_protesters': 'Etirazçılara qarşı həddindən artıq güc',
  'sub.violent_demonstration': 'Zorakı nümayiş',
  'sub.mob_violence': 'Kütlə zorakılığı',
  'sub.agreement': 'Razılaşma',
  'sub.arrests': 'Həbslər',
  'sub.change_to_group_activity': 'Qrupda və ya fəaliyyətdə dəyişiklik',
  'sub.disrupted_weapons_use': 'Qarşısı alınmış silah istifadəsi',
  'sub.headquarters_or_base_established': 'Qərargah və ya baza yaradılması',
  'sub.looting_property_destruction': 'Talan və ya əmlakın məhv edilməsi',
  'sub.non_violent_transfer_of_territory': 'Ərazinin zorakılıqsız verilməsi',
  'sub.other': 'Digər',
  'sub.checkpoint_detention': 'Buraxılış məntəqəsində saxlanma',
  'sub.removal_from_convoy': 'Karvandan çıxarılma',
  'sub.denial_of_passage': 'Keçiddən imtina və ya geri qaytarılma',
  'sub.confiscation': 'Sənədlərin və ya əmlakın müsadirəsi',
  'sub.checkpoint_ill_treatment': 'Buraxılış məntəqəsində pis rəftar',
  'sub.filming_or_biometric_capture': 'Çəkiliş və ya biometrik məlumatların toplanması',
  'sub.firing_near_corridor': 'Dəhliz yaxınlığında atəş',
  'sub.mass_casualty_accident': 'Çoxlu qurbanlı qəza',
  'sub.death_in_queue': 'Növbədə ölüm',
  'sub.medical_evacuation': 'Tibbi təxliyə',
  'sub.restriction_of_monitors': 'Müşahidəçilərin məhdudlaşdırılması',
  'sub.mines_or_uxo': 'Minalar və ya partlamamış sursat',
  'sub.humanitarian_convoy_blocked': 'Humanitar karvanın qarşısının alınması',
  'sub.threats_to_those_who_stay': 'Qalanlara qarşı təhdid və ya qorxutma',
  'sub.property_destruction': 'Əmlakın məhv edilməsi',
  'sub.denial_of_services': 'Xidmətlərdən imtina',
  gradingHeading: 'Missiya nə dərəcədə əmindir: qiymətləndirmə',
  gradingIntro:
    'Hər məlumat iki ayrı şkala üzrə qiymətləndirilir (Admirallıq sistemi): mənbənin zaman keçdikcə nə qədər etibarlı olduğu — A-dan F-ə, və bu məlumatın nə qədər inandırıcı olduğu — 1-dən 6-ya. Mənbənin qiyməti onun keçmişinə əsaslanır və əsaslandırması ilə saxlanılır; inandırıcılıq hər məlumat üçün ayrıca qiymətləndirilir. Eyni məlumatın surətləri müstəqil mənbə deyil.',
  reliabilityHeading: 'Mənbənin etibarlılığı',
  'reliability.A': 'A: tam etibarlı',
  'reliability.B': 'B: adətən etibarlı',
  'reliability.C': 'C: kifayət qədər etibarlı',
  'reliability.D': 'D: adətən etibarsız',
  'reliability.E': 'E: etibarsız',
  'reliability.F': 'F: etibarlılığı qiymətləndirmək mümkün deyil',
  credibilityHeading: 'Məlumatın inandırıcılığı',
  'credibility.1': '1: digər müstəqil mənbələrlə təsdiqlənib',
  'credibility.2': '2: ehtimal ki, doğrudur',
  'credibility.3': '3: doğru ola bilər',
  'credibility.4': '4: şübhəli',
  'credibility.5': '5: ehtimalı azdır',
  'credibility.6': '6: doğruluğunu qiymətləndirmək mümkün deyil',
  gradingExample:
    'Məsələn, sosial şəbəkədə anonim paylaşım adətən digər mənbələr onu təsdiqləyənə qədər F3 kimi qiymətləndirilir.',
  proofHeading: 'Sübut standartı: təsdiqlənmiş və təsdiqlənməmiş',
  proofVerified:
    'Açıq məlumatlar, xəritə və qrafiklər yalnız təsdiqlənmiş insidentləri əks etdirir: missiyanın öz müşahidəsi və ya bir-birini təsdiqləyən müstəqil mənbələr əsasında müəyyən etdiyi, tək bir izahata əsaslanmayan insidentlər.',
  proofUnverified:
    'Təsdiqlənə bilməyən məlumat təsdiqlənməmiş qalır: saxlanılır, yeni məlumat gəldikdə yenidən yoxlanıla bilər və heç vaxt ayrıca dərc olunmur. Gündəlik hesabatlar neçə insidentin bildirildiyini və neçəsinin təsdiqləndiyini göstərir.',
  proofTwoPerson:
    'İki addım iki fərqli şəxs tələb edir: insidentin təsdiqlənmiş kimi qeyd edilməsi və onun dərcinə icazə verilməsi. Bir nəfər addımı təklif edir, digəri təsdiqləyir; əgər bu arada insident dəyişibsə, təklif qüvvədən düşür.',
  proofCorrected:
    'Dərc olunmuş insident qismən səhv çıxarsa, düzəldilir, «təsdiqlənib, sonra düzəldilib» kimi göstərilir və dəyişiklik açıq məlumatların düzəlişlər jurnalına yazılır.',
  disclosureHeading: 'Açıqlama qaydaları: nə dərc olunmur və rəqəmlər niyə belə görünür',
  disclosureNever:
    'Heç vaxt dərc olunmur: adlar, mülki şəxslərin fotoşəkilləri, nömrə nişanları, sığınacaqların dəqiq yerləri, mənbələr, müşahidəçilərin adları, gedənlərin siyahıları və ya kiminsə yoxlama nəticəsi.',
  disclosureSmall:
    '«<5»: 1-dən 4-ə qədər say, heç kəsi ayırd etmək mümkün olmasın deyə belə göstərilir.',
  disclosureSensitive:
    '«<10»: 1-dən 9-a qədər say — saxlanmalar, cinsi zorakılıq, müşayiətsiz uşaqlar və yolda ölümlər üçün.',
  disclosureSecondary:
    '«x»: yekunlarla birlikdə gizlədilmiş kiçik sayı hesablamağa imkan verəcəyi üçün gizlədilmiş rəqəm (ikinci dərəcəli gizlətmə).',
  disclosureZero: 'Həqiqi sıfır 0 kimi dərc olunur.',
  disclosureRounding:
    'Keçidlər (insanlar və nəqliyyat vasitələri) və gündəlik hesabatda günün yola düşənlərinin tutuşdurulması (çatıb, saxlanılıb, geri qaytarılıb, ölüb, yoldadır, taleyi məlum deyil) ən yaxın onluğa yuvarlaqlaşdırılır, yarısı yuxarı; yekunlar ayrıca yuvarlaqlaşdırılır, buna görə yuvarlaqlaşdırılmış rəqəmlərin cəmi uyğun gəlməyə bilər.',
  disclosurePlaces:
    'Yerlər ümumiləşdirilir: insident ən çoxu yaşayış məntəqəsi dəqiqliyi ilə göstərilir (yerdən 25 km radiusda ən yaxın yaşayış məntəqəsi), əks halda yalnız rayon üzrə — belə rayonları xəritə sadalayır, lakin çəkmir.',
  disclosureDelay:
    'İnsidentlər baş verdikdən ən tezi 72 saat sonra dərc olunur ki, məlumat heç kəsə insanları hədəfə almaqda kömək etməsin.',
  disclosureIds:
    'Açıq məlumatların hər buraxılışı insidentlərə yeni ictimai identifikatorlar verir; artıq buraxılmış günlər olduğu kimi təkrar buraxılır, buna görə buraxılışları bir-biri ilə tutuşdurmaq mümkün deyil.',
  disclosureSite:
    'Bu sayt rəqəmləri dərc olunduğu kimi göstərir: qrafik yalnız dərc olunmuş rəqəmləri çəkir və «<5», «<10» və ya «x» üçün boşluq qoyur; sayt belə rəqəmləri heç vaxt toplamır və təxmin etmir.',
  disclosureMore: 'Hər açıq məlumat dəstinin hər sütunu təsvir edən metodologiya faylı var:',
  openData: 'açıq məlumat kataloqu',
};
