/** Every query a test made that no index covers (filled by the index-checking store of makeDeps). */
export const uncoveredQueries: string[] = []
