using Platform.Bench;

// The benchmarks' C# load generator and helpers, run by bench/bench.sh:
//
//   Platform.Bench rate <url> <requests per second> <seconds> [warm-up seconds] [options]
//       A fixed-rate (open-loop) run; prints "p50_ms p99_ms max_ms sent ok errors achieved_rps". Options:
//       --header 'Name: value'   sent with every request (repeatable), e.g. an Authorization header
//       --post <json>            POST this body instead of a GET; {n} in it becomes the request's number
//       --idempotency-key        a new Idempotency-Key header on every request
//   Platform.Bench token <token server base url> <admin e-mail> <admin password> <role>
//       Signs in as the programme admin (authorization code + PKCE), creates a machine client with <role>
//       and prints an access token the client gets with client credentials.
return args switch
{
    ["rate", ..] => await RateRun.MainAsync(args[1..]),
    ["token", var server, var email, var password, var role] => await TokenClient.MainAsync(new Uri(server), email, password, role),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Platform.Bench rate <url> <rps> <seconds> [warm-up] [--header 'N: v']... [--post <json>] [--idempotency-key]");
    Console.Error.WriteLine("       Platform.Bench token <token server url> <admin e-mail> <admin password> <role>");
    return 2;
}
