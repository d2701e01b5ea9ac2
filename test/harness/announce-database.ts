// The first line `npm test` prints: which database the integration tests will run on.
const mysqlUrl = process.env.MYSQL_URL;
if (mysqlUrl) {
  const url = new URL(mysqlUrl);
  url.password = url.password ? '***' : '';
  console.log(
    `Integration tests run on MySQL at ${url.toString()} (schemas ${process.env.TEST_SCHEMA_PREFIX ?? 'it_'}*)`,
  );
} else {
  console.log('Integration tests run on the embedded SQLite database (MYSQL_URL is not set)');
}
