import { describe, expect, it } from "vitest";
import { pluralize, verbForms } from "../src/dictionary/inflect.js";

describe("pluralize", () => {
  it.each([
    ["member", "members"], ["situation", "situations"], ["city", "cities"], ["day", "days"], ["box", "boxes"],
    ["church", "churches"], ["crisis", "crises"], ["child", "children"], ["life", "lives"], ["software", "software"],
  ])("%s → %s", (singular, plural) => expect(pluralize(singular)).toBe(plural));
});

describe("verbForms", () => {
  it("inflects regular verbs, doubling only where English does", () => {
    expect(verbForms("stay")).toMatchObject({ thirdPerson: "stays", past: "stayed", gerund: "staying" });
    expect(verbForms("stop")).toMatchObject({ past: "stopped", gerund: "stopping" });
    expect(verbForms("open")).toMatchObject({ past: "opened", gerund: "opening" });
    expect(verbForms("permit")).toMatchObject({ past: "permitted", gerund: "permitting" });
    expect(verbForms("apply")).toMatchObject({ thirdPerson: "applies", past: "applied", gerund: "applying" });
    expect(verbForms("convene")).toMatchObject({ past: "convened", gerund: "convening" });
    expect(verbForms("focus")).toMatchObject({ thirdPerson: "focuses" });
  });
  it("knows irregular verbs, including prefixed ones", () => {
    expect(verbForms("meet")).toMatchObject({ past: "met", participle: "met" });
    expect(verbForms("drive")).toMatchObject({ past: "drove", participle: "driven" });
    expect(verbForms("undergo")).toMatchObject({ past: "underwent", participle: "undergone" });
    expect(verbForms("rethink")).toMatchObject({ past: "rethought" });
  });
});
