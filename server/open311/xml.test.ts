import { describe, expect, it } from "vitest";
import { childText, parseXml } from "@/test/xml-well-formed";
import { escapeXmlText, toXmlDocument } from "./xml";

describe("the Open311 XML writer", () => {
  it("writes lists as the Spark convention does: <services><service>…", () => {
    const xml = toXmlDocument(
      "services",
      [
        { service_code: "land", metadata: true, keywords: "plot, cadastre" },
        { service_code: "other", metadata: false, keywords: null },
      ],
      { services: "service" },
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        "<services><service><service_code>land</service_code><metadata>true</metadata>" +
        "<keywords>plot, cadastre</keywords></service><service><service_code>other</service_code>" +
        "<metadata>false</metadata><keywords/></service></services>\n",
    );
  });

  it("escapes markup and drops characters XML cannot carry, so client text never breaks the document", () => {
    const hostile = `</description><x>&amp; "q" 'a' ]]> \u0000\u0007\u001b end`;
    expect(escapeXmlText(hostile)).toBe(
      "&lt;/description&gt;&lt;x&gt;&amp;amp; &quot;q&quot; &apos;a&apos; ]]&gt;  end",
    );
    const doc = parseXml(
      toXmlDocument("service_requests", [{ description: hostile, lat: 43.25 }], {
        service_requests: "request",
      }),
    );
    const request = doc.children[0];
    expect(doc.name).toBe("service_requests");
    expect(childText(request, "description")).toBe(`</description><x>&amp; "q" 'a' ]]>  end`);
    expect(childText(request, "lat")).toBe("43.25");
  });

  it("keeps Kazakh and Russian text as it is", () => {
    const doc = parseXml(toXmlDocument("r", { agency_responsible: "Алматы қаласының әкімдігі" }, {}));
    expect(childText(doc, "agency_responsible")).toBe("Алматы қаласының әкімдігі");
  });

  it("refuses a list without an item name and a name that is no element name", () => {
    expect(() => toXmlDocument("errors", [{ code: 400 }], {})).toThrow(/item element/);
    expect(() => toXmlDocument("a b", "x", {})).toThrow(/element name/);
  });
});

describe("the test's XML reader", () => {
  it("refuses what a real parser would refuse", () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>';
    expect(() => parseXml(`${head}<a><b></a></b>`)).toThrow();
    expect(() => parseXml(`${head}<a>1 < 2</a>`)).toThrow();
    expect(() => parseXml(`${head}<a>&nbsp;</a>`)).toThrow();
    expect(() => parseXml(`${head}<a/><b/>`)).toThrow();
    expect(() => parseXml("<a/>")).toThrow();
  });
});
