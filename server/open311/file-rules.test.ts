import { describe, expect, it } from "vitest";
import { guessLocale, subjectOf } from "./file-service-request";
import { locateRegion } from "./locate-region";

describe("what a POST leaves unsaid", () => {
  it("takes the subject from the first line, cut at a word when it is long", () => {
    expect(subjectOf("\n  Pothole on Abai Ave  \nIt is deep and dangerous.")).toBe("Pothole on Abai Ave");
    expect(subjectOf("Hi\nThe street light at our stop has not worked for a month.")).toBe(
      "Hi The street light at our stop has not worked for a month.",
    );
    const long = `${"word ".repeat(60)}end`;
    const subject = subjectOf(long);
    expect(subject.length).toBeLessThanOrEqual(200);
    expect(subject.endsWith("word…")).toBe(true);
  });

  it("guesses the applicant's language from the letters they wrote", () => {
    expect(guessLocale("Аулада жарық жоқ, шамдар сөніп тұр.")).toBe("kk");
    expect(guessLocale("Во дворе нет освещения.")).toBe("ru");
    expect(guessLocale("A large sofa has been left on the side of the road.")).toBe("en");
  });

  it("finds the region of a point by the nearest centre, and none outside Kazakhstan", () => {
    expect(locateRegion(43.2567, 76.9286)).toBe("almaty_city"); // Almaty, Abai Ave
    expect(locateRegion(51.128, 71.43)).toBe("astana");
    expect(locateRegion(49.95, 82.61)).toBe("east_kazakhstan"); // Oskemen
    expect(locateRegion(37.76524078, -122.4212043)).toBeNull(); // the standard's San Francisco example
  });
});
