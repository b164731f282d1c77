import { test } from '@playwright/test';
import { VariantMatrix, variantsOfPart, variantTitle } from './crm-variants-matrix';

// Part 1 of the variant corpus end to end (see crm-variants-matrix.ts).
const variants = variantsOfPart(1);
let matrix: VariantMatrix | undefined;
test.beforeAll(async ({ headless }) => void (matrix = await VariantMatrix.open(variants, headless)));
test.afterAll(() => matrix?.close());

for (const variant of variants) test(variantTitle(variant), () => matrix!.expectReported(variant));
