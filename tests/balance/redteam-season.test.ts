// The red team's small-sample bar in season, the longest scenario, in a file of its own so that vitest
// plays it on the other core (tests/balance/redteam.test.ts has the rest and the harness's tests).
import { barSuite } from "./redteam-bar";

barSuite(["season"]);
