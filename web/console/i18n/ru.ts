// Russian messages of the console's shell (keys as en.ts).
import type { Catalogue } from './en.ts';

/** The console shell's messages in Russian. */
export const ru: Catalogue = {
  languageName: 'Русский',
  language: 'Язык',
  title: 'Консоль сотрудников Vigil',
  loading: 'Загрузка…',
  signInHeading: 'Вход',
  name: 'Имя',
  password: 'Пароль',
  totp: 'Код из приложения-аутентификатора',
  signIn: 'Войти',
  signOut: 'Выйти',
  signedInAs: 'Вы вошли как {{name}} ({{role}})',
  'role.admin': 'администратор',
  'role.coordinator': 'координатор',
  'role.analyst': 'аналитик',
  'role.monitor': 'наблюдатель',
  'role.hotline': 'оператор горячей линии',
  views: 'Разделы',
  'view.checkpoint': 'Пункт пропуска',
  'view.desk': 'Стол аналитика',
  noView: 'Для вашей роли в этой консоли пока нет раздела.',
  'error.unauthenticated': 'Неверное имя, пароль или код.',
  'error.rate_limited': 'Слишком много попыток. Подождите минуту и попробуйте снова.',
  'error.network': 'Сервер недоступен. Проверьте подключение.',
  'error.other': 'Что-то пошло не так ({{code}}).',
};
