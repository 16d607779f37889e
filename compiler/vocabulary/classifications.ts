// The classification systems the compiler knows (`code icf "d450"`, `code ksi
// 2022 "…"`, `code kva "…"`), lower case as the model stores them.
export const KNOWN_SYSTEMS = ["icf", "ksi", "kva"];
