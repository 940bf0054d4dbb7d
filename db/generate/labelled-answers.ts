import { FORMAL_MIN_COPIES, WINDOW_DAYS } from "@/server/metrics/answer-signature";
import { seededRandom } from "./profiles";

/**
 * A labelled set for the formal-reply detector (docs/metrics.md "Formal replies"): answers of a few
 * bodies over a year, some filled-in templates (the same wording with the appeal's subject, the
 * applicant's name, a date, a number and an address inserted, sometimes a sentence added or dropped) and
 * some genuinely different answers written from many sentence frames and words. An answer is labelled
 * formal when its body sent at least FORMAL_MIN_COPIES answers from the same template in the WINDOW_DAYS
 * before it: exactly what the figure claims to count.
 */
export type LabelledAnswer = {
  body: number;
  answeredAt: Date;
  text: string;
  subject: string;
  appealText: string;
  applicantName: string;
  template: string | null;
  formal: boolean;
};

const NAMES = [
  "Айгерім Сәрсенбаева",
  "Данияр Қасымов",
  "Ольга Петрова",
  "Сергей Иванов",
  "Мадина Оспанова",
  "Ерлан Жұмабеков",
  "Тимур Ким",
  "Әсел Ахметова",
  "Нұрлан Беков",
  "Гүлнар Исаева",
];
const STREETS = ["Абая", "Сатпаева", "Достык", "Толе би", "Жандосова", "Гагарина", "Кабанбай батыра"];
const SUBJECTS = [
  "Ремонт дороги во дворе",
  "Не работает уличное освещение",
  "Вывоз мусора с площадки",
  "Аулаға жол жөндеу",
  "Жарық жоқ",
  "Очередь в детский сад",
  "Затопление подвала",
  "Ағаш кесу",
];

// Sentence frames with slots: far more combinations than answers, so two different answers rarely share
// more than a few words in a row.
const FRAMES = [
  "по результатам {a} {b} установлено что {c} {d} находится в {e} состоянии",
  "в текущем году {a} {b} запланировано {c} за счет {d} {e}",
  "сотрудниками {a} проведен {b} {c} с выездом на место и составлен {d} {e}",
  "вопрос {a} {b} будет рассмотрен при формировании {c} {d} на {e} год",
  "для решения вопроса {a} направлено письмо в {b} {c} с просьбой {d} {e}",
  "подрядной организации {a} поручено {b} {c} до окончания {d} {e}",
  "жұмыстар {a} {b} аясында {c} {d} {e} жоспарланған",
  "мәселе {a} {b} бойынша {c} {d} қаралып {e} шешім қабылданды",
  "сіздің {a} {b} тексеріліп {c} {d} {e} анықталды",
  "информация о {a} {b} размещена на {c} {d} {e}",
  "контроль за {a} {b} возложен на {c} {d} {e}",
  "учитывая {a} {b} принято решение о {c} {d} {e}",
];
const WORDS = [
  "проверки",
  "обследования",
  "освещения",
  "покрытия",
  "бюджета",
  "ремонта",
  "жалобы",
  "канализации",
  "отделом",
  "управлением",
  "акимата",
  "коммунальных",
  "служб",
  "тротуара",
  "детской",
  "площадки",
  "подвала",
  "бюджеттік",
  "қаржы",
  "жол",
  "аула",
  "бағдарлама",
  "комиссия",
  "тексеру",
  "жоспар",
  "шара",
  "мерзім",
  "удовлетворительном",
  "аварийном",
  "плановом",
  "внеплановом",
  "текущего",
  "капитального",
  "сезона",
  "квартала",
  "средств",
  "местного",
  "республиканского",
  "инспекции",
  "паспорта",
  "сметы",
  "графика",
  "заявки",
  "очереди",
];

function sentence(random: () => number): string {
  const frame = FRAMES[Math.floor(random() * FRAMES.length)] as string;
  const s = frame.replace(/\{[a-e]\}/g, () => WORDS[Math.floor(random() * WORDS.length)] as string);
  return `${s[0]?.toUpperCase()}${s.slice(1)}.`;
}

const pick = <T>(random: () => number, xs: readonly T[]) => xs[Math.floor(random() * xs.length)] as T;

export function labelledAnswers(o: { answers: number; bodies?: number; seed?: number }): LabelledAnswer[] {
  const random = seededRandom(o.seed ?? 12);
  const bodies = o.bodies ?? 4;
  const start = Date.UTC(2026, 0, 5, 4);
  const templates = Array.from({ length: bodies }, () =>
    Array.from({ length: 3 }, () =>
      Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(random)),
    ),
  );
  const out: LabelledAnswer[] = [];
  const history = new Map<string, number[]>();
  for (let i = 0; i < o.answers; i++) {
    const body = Math.floor(random() * bodies);
    const answeredAt = new Date(
      start + Math.floor((i / o.answers) * 360 * 86_400_000) + Math.floor(random() * 3_600_000),
    );
    const name = pick(random, NAMES);
    const subject = pick(random, SUBJECTS);
    const date = `${String(1 + Math.floor(random() * 28)).padStart(2, "0")}.${String(1 + Math.floor(random() * 12)).padStart(2, "0")}.2026`;
    const number = `ЖТ-2026-${String(Math.floor(random() * 999_999)).padStart(6, "0")}`;
    const address = `ул. ${pick(random, STREETS)}, д. ${1 + Math.floor(random() * 200)}`;
    const appealText = `${subject}. Прошу принять меры по адресу ${address}, ситуация не меняется уже ${2 + Math.floor(random() * 10)} месяцев.`;
    const templated = random() < 0.5;
    let body_: string[];
    let template: string | null = null;
    if (templated) {
      const t = Math.floor(random() * 3);
      template = `${body}:${t}`;
      body_ = [...(templates[body]?.[t] ?? [])];
      // Dressed up: now and then a sentence more or one fewer.
      const dress = random();
      if (dress < 0.2) body_.splice(Math.floor(random() * body_.length), 0, sentence(random));
      else if (dress < 0.4 && body_.length > 3) body_.splice(Math.floor(random() * body_.length), 1);
    } else {
      body_ = Array.from({ length: 3 + Math.floor(random() * 4) }, () => sentence(random));
    }
    const quote = random() < 0.3 ? ` Вы пишете: «${appealText}»` : "";
    const text = [
      `Уважаемый(ая) ${name}! Ваше обращение «${subject}» № ${number} от ${date} рассмотрено.${quote}`,
      ...body_,
      random() < 0.5 ? `Объект по адресу ${address} включен в список.` : "",
      `Исполнитель: ${pick(random, NAMES)}, тел. 8 727 ${100 + Math.floor(random() * 900)} ${10 + Math.floor(random() * 90)} ${10 + Math.floor(random() * 90)}.`,
    ]
      .filter(Boolean)
      .join(" ");
    let formal = false;
    if (template) {
      const earlier = (history.get(template) ?? []).filter(
        (t) => t >= answeredAt.getTime() - WINDOW_DAYS * 86_400_000,
      );
      formal = earlier.length >= FORMAL_MIN_COPIES;
      history.set(template, [...earlier, answeredAt.getTime()]);
    }
    out.push({ body, answeredAt, text, subject, appealText, applicantName: name, template, formal });
  }
  return out;
}
