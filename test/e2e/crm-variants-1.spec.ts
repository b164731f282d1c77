import { test } from '@playwright/test';
import { closeVariantTab, expectVariantReported, openVariantTab, variantsOfPart, type VariantTab } from './crm-variants-matrix';

// Part 1 of the variant corpus end to end (see crm-variants-matrix.ts).
let variantTab: VariantTab | undefined;
test.beforeAll(async ({ headless }) => void (variantTab = await openVariantTab(headless)));
test.afterAll(() => closeVariantTab(variantTab));

for (const variant of variantsOfPart(1)) {
  test(`${variant.file} reports the record and the person`, () => expectVariantReported(variantTab!, variant));
}
