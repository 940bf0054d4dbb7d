import "server-only";
import { cache } from "react";
import { createContext } from "./context";
import { createCaller } from "./routers/_app";

/** Server components call procedures through this, so the same authorization applies as over HTTP. */
export const getCaller = cache(async () => createCaller(await createContext()));
