// The open311 client calls this only when configured for XML; the test drives it with format "json".
exports.toJson = () => {
  throw new Error("xml2json stand-in: the open311 client is tested with format json");
};
