// Azerbaijani messages of the verify page (keys and placeholders as in en.ts).
import type { Catalogue } from './en.ts';

/** The verify page's messages in Azerbaijani. */
export const az: Catalogue = {
  languageName: 'Azərbaycanca',
  title: 'Şəffaflıq jurnalının yoxlanması',
  intro:
    'Bu səhifə jurnalı birbaşa brauzerinizdə, vigil verify əmri ilə eyni yoxlama kodu ilə yoxlayır. O, yalnız aşağıda göstərilən açarlara etibar edir.',
  language: 'Dil',
  checkpointHeading: 'Cari nəzarət nöqtəsi',
  recordHeading: 'Qeyd',
  recordLabel: 'Qeydin nömrəsi (0 birinci qeyddir)',
  recordCheck: 'Bu qeydi yoxla',
  limitsHeading: 'Bu səhifənin yoxlamadıqları',
  limitKeys:
    'O, bu serverin dərc etdiyi açarlara etibar edir. Onları başqa yolla əldə etdiyiniz açarlarla müqayisə edin.',
  limitConsistency:
    'O, bu nəzarət nöqtəsinin əvvəl gördüyünüzün davamı olduğunu yoxlamır: bunu vigil verify log --state edir.',
  limitEntries:
    'O, bütün qeydlərin heşlərini yenidən hesablamır: bunu vigil verify log --full edir.',
  checking: 'Yoxlanılır…',
  statusOk: 'Keçdi',
  statusFail: 'Keçmədi',
  statusInfo: 'Məlumat',
  keyFromPolicy: 'Dərc edilmiş siyasətdən götürülmüş etibarlı jurnal açarı: {key}',
  keyFromServer: 'Siyasət dərc edilməyib. Serverin elan etdiyi jurnal açarına etibar edildi: {key}',
  keyMismatch: 'Server öz siyasətindəkindən fərqli jurnal açarı elan edir: {key}',
  policyBad: 'Dərc edilmiş siyasəti oxumaq mümkün deyil: {detail}',
  policyNoLog: 'Dərc edilmiş siyasət {origin} jurnalı üçün açar göstərmir.',
  signatureOk:
    '{name} jurnal açarı ilə imzalanıb: imza etibarlıdır. Ağacda {size} qeyd var; onun kök heşi {root}.',
  signatureBad: 'Nəzarət nöqtəsinin imzası etibarlı deyil: {detail}',
  witnessOk: '{name} şahidi bu nəzarət nöqtəsini {time} tarixində birgə imzalayıb.',
  witnessMissing: '{name} şahidi bu nəzarət nöqtəsini birgə imzalamayıb.',
  witnessBad: '{name} şahidinin birgə imzası etibarlı deyil: {detail}',
  quorumMet: '{total} şahiddən {count} birgə imzalayıb; siyasətin kvorumu ({quorum}) təmin olunub.',
  quorumNotMet:
    '{total} şahiddən {count} birgə imzalayıb; siyasətin kvorumu ({quorum}) təmin olunmayıb.',
  quorumNone: 'Siyasət şahidlərin birgə imzalarını tələb etmir.',
  noPolicyWitnesses: 'Siyasət dərc edilməyib, buna görə şahidlərin birgə imzaları yoxlanılmayıb.',
  fetchFailed: '{what} yüklənə bilmədi: {detail}',
  recordOk:
    '{index} nömrəli qeyd {size} ölçülü ağacdadır: onun daxilolma sübutu imzalanmış kök heşinə aparır.',
  recordLeaf: '{index} nömrəli qeydin uzunluğu {bytes} baytdır; onun yarpaq heşi {hash}.',
  recordBeyond:
    '{index} nömrəli qeyd ağacdan kənardadır: nəzarət nöqtəsi yalnız 0-dan {last}-dək qeydləri əhatə edir.',
  recordEmpty: 'Jurnal boşdur: yoxlanılacaq qeyd yoxdur.',
  recordBad: '{index} nömrəli qeydin ağacda olduğunu göstərmək mümkün olmadı: {detail}',
  recordInvalidIndex: '0 və ya daha böyük tam ədəd daxil edin.',
  recordNoCheckpoint: 'Heç bir qeyd yoxlanıla bilməz: nəzarət nöqtəsi yoxlamadan keçmədi.',
  unexpected: 'Gözlənilməz xəta: {detail}',
};
