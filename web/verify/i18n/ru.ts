// Russian messages of the verify page (keys and placeholders as in en.ts).
import type { Catalogue } from './en.ts';

/** The verify page's messages in Russian. */
export const ru: Catalogue = {
  languageName: 'Русский',
  title: 'Проверка журнала прозрачности',
  intro:
    'Эта страница проверяет журнал прямо в вашем браузере тем же кодом проверки, что и команда vigil verify. Она доверяет только ключам, указанным ниже.',
  language: 'Язык',
  checkpointHeading: 'Текущая контрольная точка',
  recordHeading: 'Запись',
  recordLabel: 'Номер записи (0 — первая запись)',
  recordCheck: 'Проверить эту запись',
  limitsHeading: 'Что эта страница не проверяет',
  limitKeys:
    'Она доверяет ключам, которые публикует этот сервер. Сверьте их с ключами, полученными другим путём.',
  limitConsistency:
    'Она не проверяет, что эта контрольная точка продолжает ту, что вы видели раньше: это делает vigil verify log --state.',
  limitEntries: 'Она не пересчитывает хеши всех записей: это делает vigil verify log --full.',
  checking: 'Проверка…',
  statusOk: 'Пройдено',
  statusFail: 'Не пройдено',
  statusInfo: 'Примечание',
  keyFromPolicy: 'Доверенный ключ журнала, взятый из опубликованной политики: {key}',
  keyFromServer:
    'Политика не опубликована. Использован ключ журнала, который объявляет сервер: {key}',
  keyMismatch: 'Сервер объявляет другой ключ журнала, чем в своей политике: {key}',
  policyBad: 'Опубликованную политику невозможно прочитать: {detail}',
  policyNoLog: 'В опубликованной политике нет ключа для журнала {origin}.',
  signatureOk:
    'Подписано ключом журнала {name}: подпись верна. В дереве {size} записей; его корневой хеш — {root}.',
  signatureBad: 'Подпись контрольной точки неверна: {detail}',
  witnessOk: 'Свидетель {name} заверил эту контрольную точку {time}.',
  witnessMissing: 'Свидетель {name} не заверил эту контрольную точку.',
  witnessBad: 'Заверяющая подпись свидетеля {name} неверна: {detail}',
  quorumMet: 'Заверили свидетелей: {count} из {total}; кворум политики ({quorum}) достигнут.',
  quorumNotMet: 'Заверили свидетелей: {count} из {total}; кворум политики ({quorum}) не достигнут.',
  quorumNone: 'Политика не требует подписей свидетелей.',
  noPolicyWitnesses: 'Политика не опубликована, поэтому подписи свидетелей не проверялись.',
  fetchFailed: 'Не удалось загрузить {what}: {detail}',
  recordOk:
    'Запись {index} входит в дерево размером {size}: её доказательство включения ведёт к подписанному корневому хешу.',
  recordLeaf: 'Длина записи {index} — {bytes} байт; её хеш листа — {hash}.',
  recordBeyond:
    'Запись {index} находится за пределами дерева: контрольная точка охватывает только записи с 0 по {last}.',
  recordEmpty: 'Журнал пуст: проверять нечего.',
  recordBad: 'Не удалось показать, что запись {index} входит в дерево: {detail}',
  recordInvalidIndex: 'Введите целое число, не меньше 0.',
  recordNoCheckpoint: 'Запись проверить нельзя: контрольная точка не прошла проверку.',
  unexpected: 'Непредвиденная ошибка: {detail}',
};
