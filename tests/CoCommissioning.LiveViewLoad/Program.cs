using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace CoCommissioning.LiveViewLoad;

/// <summary>
/// Measures how long a secretary's change to a live meeting takes to reach other open views of it (issue 5), and the
/// server's memory per open view. Run by tests/load/live-view-latency.sh against a running Release build:
///
///   dotnet CoCommissioning.LiveViewLoad.dll --base-url http://127.0.0.1:5000 --pid 1234
///       [--views 20] [--changes 50] [--interval-ms 300] [--more-views 0] [--chairs 3] [--warmup-changes 20]
///       [--view-base-urls http://127.0.0.1:5000,http://127.0.0.1:5001]
///
/// It schedules a meeting of the demo PCCC through the JSON API (as the secretary), opens --views member and chair
/// views (one browser context and so one Blazor circuit each), records in each page when its data-version changes,
/// then, after --warmup-changes unmeasured ones, makes --changes arrivals and departures through the API and reports
/// per-view latency from just before each POST to each page seeing the new version. With --more-views it then opens that many more and measures again.
/// With --view-base-urls (several instances of the app on one PostgreSQL database, ADR-0014) the views are spread over
/// those instances in turn while every change still goes to --base-url, and the latency is also reported per instance.
/// </summary>
internal static class Program
{
    private const string ChromiumPath = "/usr/bin/chromium";
    private const string Password = "Demo-Password-2026";
    private const string Secretary = "secretary@example-ccg.nhs.uk";
    private const string Member = "member@example-ccg.nhs.uk";
    private const string Chair = "chair@example-ccg.nhs.uk";
    private static readonly TimeSpan SeenTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(3);

    // Same test as the end-to-end suite's BlazorPage.WaitForInteractiveAsync: no prerender marker left, and the
    // interactive renderer's logical markers present.
    private const string InteractiveScript = """
        () => {
            if (document.getElementById('blazor-error-ui')?.offsetParent) {
                throw new Error('Blazor shows its error bar');
            }
            const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_COMMENT);
            let interactive = false;
            while (walker.nextNode()) {
                const text = walker.currentNode.nodeValue;
                if (text === 'bl-root') return false;
                if (text === '!') interactive = true;
            }
            return interactive && !!document.querySelector('[data-version]');
        }
        """;

    // Records, in the page, the moment each meeting version first shows: window.__seen[version] = Date.now(). It
    // watches the whole body, so it holds even if Blazor replaces the element rather than patching its attribute.
    // Waiters let the tool await a version without polling the page.
    private const string ObserverScript = """
        () => {
            window.__seen = {};
            window.__waiters = {};
            const record = () => {
                const el = document.querySelector('[data-version]');
                const v = el && el.getAttribute('data-version');
                if (!v || window.__seen[v]) return;
                const at = Date.now();
                window.__seen[v] = at;
                for (const resolve of window.__waiters[v] ?? []) resolve(at);
                delete window.__waiters[v];
            };
            record();
            new MutationObserver(record).observe(document.body,
                { subtree: true, childList: true, attributes: true, attributeFilter: ['data-version'] });
            return document.querySelector('[data-version]').getAttribute('data-version');
        }
        """;

    private const string WaitForVersionScript = """
        v => window.__seen[v] ?? new Promise(resolve => (window.__waiters[v] ??= []).push(resolve))
        """;

    private static async Task<int> Main(string[] args)
    {
        var options = Options.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: --base-url URL --pid PID [--views 20] [--changes 50] [--interval-ms 300] [--more-views 0] [--chairs 3] [--warmup-changes 20] [--view-base-urls URL,URL]");
            return 2;
        }

        using var http = new HttpClient { BaseAddress = options.BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        var api = new Api(http);
        var token = (await api.PostAsync("/api/auth/token", new { email = Secretary, password = Password, tokenName = "live-view-load" })).GetProperty("token").GetString()!;
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The meeting: demo PCCC, starting now, one item taken as current.
        var committees = await api.GetAsync("/api/committees");
        var committeeId = committees.EnumerateArray().First(c => c.GetProperty("name").GetString() == "Primary Care Commissioning Committee").GetProperty("id").GetString()!;
        var committee = await api.GetAsync($"/api/committees/{committeeId}");
        var meeting = await api.PostAsync($"/api/committees/{committeeId}/meetings?standingItems=false", new { title = $"Live view load {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}", startsAt = DateTimeOffset.UtcNow });
        var meetingId = meeting.GetProperty("id").GetString()!;
        meeting = await api.PostAsync($"/api/meetings/{meetingId}/items", new { title = "Load test item", purpose = "Decision", isPrivate = false, version = Version(meeting) });
        var itemId = meeting.GetProperty("items")[0].GetProperty("id").GetString()!;
        meeting = await api.PostAsync($"/api/meetings/{meetingId}/current-item", new { itemId, version = Version(meeting) });
        var version = Version(meeting);

        // One current voting member arrives and leaves in turn.
        var memberships = committee.GetProperty("memberships").EnumerateArray()
            .Where(m => m.GetProperty("isCurrent").GetBoolean() && m.GetProperty("isVoting").GetBoolean()).ToList();
        var mover = memberships[^1];
        var moverId = mover.GetProperty("id").GetString()!;
        Console.WriteLine($"meeting {meetingId} of {committee.GetProperty("name").GetString()}; {mover.GetProperty("personName").GetString()} arrives and leaves in turn");

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        });

        // Sign in once per person and share the cookie: each context still has its own page, connection and circuit.
        // Cookies ignore the port, so views on the other instances present the cookie this one issued.
        var states = new Dictionary<string, string>();
        foreach (var email in new[] { Member, Chair })
        {
            states[email] = await SignInAsync(browser, options.BaseUrl, email);
        }

        // A first view of each kind, opened and closed, so that the JIT and first-use caches of the pages are not
        // counted per view.
        for (var instance = 0; instance < options.ViewBaseUrls.Count; instance++)
        {
            foreach (var email in new[] { Member, Chair })
            {
                var warm = await OpenViewAsync(browser, options, states[email], email, meetingId, -1 - instance);
                await CloseAsync(warm);
            }
        }

        // What one view's refresh costs the server, alone: the same read (MeetingConsoleService.GetAsync) over the API.
        var reads = new List<long>();
        for (var i = 0; i < 30; i++)
        {
            var at = Stopwatch.GetTimestamp();
            await api.GetAsync($"/api/meetings/{meetingId}/console");
            reads.Add((long)Stopwatch.GetElapsedTime(at).TotalMilliseconds);
        }

        Console.WriteLine($"one read of the meeting as a view reads it (GET /console, 20 in a row after 10 to warm up): p50 {Result.P(reads.Skip(10).ToList(), 50)} ms, max {reads.Skip(10).Max()} ms");

        var views = new List<View>();
        var (rss0, hwm0) = await SettledMemoryAsync(options.Pid);
        Console.WriteLine($"server VmRSS with 0 views open: {Mib(rss0)} (VmHWM {Mib(hwm0)})");

        var sw = Stopwatch.StartNew();
        await OpenViewsAsync(browser, options, states, meetingId, views, options.Views);
        Console.WriteLine($"opened {views.Count} views in {sw.Elapsed.TotalSeconds:F1} s");
        var (rssN, hwmN) = await SettledMemoryAsync(options.Pid);
        Console.WriteLine($"server VmRSS with {views.Count} views open: {Mib(rssN)} (VmHWM {Mib(hwmN)}); per view {Kib((rssN - rss0) / views.Count)}");
        CheckVersion(views, version);

        // Unmeasured changes first: the app's tiered JIT recompiles the hot paths of a save and a refresh after the
        // first few dozen calls, and that CPU belongs to start-up, not to each change.
        var warmUp = await MeasureAsync(api, options, meetingId, moverId, views, version, arrived: false, options.WarmupChanges, report: false);
        var first = await MeasureAsync(api, options, meetingId, moverId, views, warmUp.Version, warmUp.Arrived, options.Changes, report: true);
        version = first.Version;
        var rows = new List<string> { first.Row(views.Count, (rssN - rss0) / views.Count, "0 → " + views.Count) };

        if (options.MoreViews > 0)
        {
            // Measured again before opening more: the changes above grew the heap too, and that is not per view.
            var before = views.Count;
            (rssN, hwmN) = await SettledMemoryAsync(options.Pid);
            Console.WriteLine($"server VmRSS with {before} views open after the changes: {Mib(rssN)} (VmHWM {Mib(hwmN)})");
            sw.Restart();
            await OpenViewsAsync(browser, options, states, meetingId, views, options.MoreViews);
            Console.WriteLine($"opened {views.Count - before} more views in {sw.Elapsed.TotalSeconds:F1} s");
            var (rssM, hwmM) = await SettledMemoryAsync(options.Pid);
            Console.WriteLine($"server VmRSS with {views.Count} views open: {Mib(rssM)} (VmHWM {Mib(hwmM)}); per view from {before} to {views.Count}: {Kib((rssM - rssN) / (views.Count - before))}, from 0: {Kib((rssM - rss0) / views.Count)}");
            CheckVersion(views.Skip(before), version);
            var second = await MeasureAsync(api, options, meetingId, moverId, views, version, first.Arrived, options.Changes, report: true);
            rows.Add(second.Row(views.Count, (rssM - rssN) / (views.Count - before), $"{before} → {views.Count}"));
        }

        Console.WriteLine();
        Console.WriteLine("| views | changes | samples | missed | p50 | p95 | p99 | max | slowest view per change p95 | server memory per view (RSS, views) |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        foreach (var view in views)
        {
            await CloseAsync(view);
        }

        await browser.CloseAsync();
        return 0;
    }

    private static async Task<Result> MeasureAsync(Api api, Options options, string meetingId, string moverId, List<View> views, Guid version, bool arrived, int changes, bool report)
    {
        var cpuBefore = Cpu.Read(options.Pid);
        var started = Stopwatch.GetTimestamp();
        var samples = new List<long>();
        var byView = views.Select(_ => new List<long>()).ToList();
        var firsts = new List<long>();
        var slowest = new List<long>();
        var missed = 0;
        var postMs = new List<long>();
        for (var i = 0; i < changes; i++)
        {
            var path = arrived ? "departures" : "arrivals";
            var t0 = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            var meeting = await api.PostAsync($"/api/meetings/{meetingId}/{path}", new { membershipId = moverId, deputy = false, version });
            var answered = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            postMs.Add(answered - t0);
            arrived = !arrived;
            version = Version(meeting);

            var seen = await Task.WhenAll(views.Select(v => SeenAsync(v.Page, version)));
            var latencies = seen.Where(s => s is not null).Select(s => s!.Value - t0).ToList();
            missed += seen.Count(s => s is null);
            samples.AddRange(latencies);
            for (var v = 0; v < seen.Length; v++)
            {
                if (seen[v] is { } at)
                {
                    byView[v].Add(at - t0);
                }
            }

            if (latencies.Count > 0)
            {
                firsts.Add(latencies.Min());
            }

            slowest.Add(seen.Any(s => s is null) ? (long)SeenTimeout.TotalMilliseconds : latencies.Max());

            var wait = options.IntervalMs - (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - t0);
            if (wait > 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(wait));
            }
        }

        var result = new Result(samples, slowest, missed, postMs, version, arrived);
        if (!report)
        {
            Console.WriteLine($"{changes} unmeasured changes to warm up: {missed} views missed one");
            return result;
        }

        Console.WriteLine(result.Summary(views.Count, changes));
        Console.WriteLine($"  first view to see each change: p50 {Result.P(firsts, 50)} ms, p95 {Result.P(firsts, 95)} ms");
        // Evenly spaced medians that keep their order from change to change mean the views are refreshed one after another.
        Console.WriteLine($"  each view's median latency, sorted: {string.Join(' ', byView.Select(l => Result.P(l, 50)).Order())} ms");
        if (options.ViewBaseUrls.Count > 1)
        {
            foreach (var instance in views.Select((v, i) => (v.Instance, Latencies: byView[i])).GroupBy(v => v.Instance).OrderBy(g => g.Key))
            {
                var latencies = instance.SelectMany(v => v.Latencies).ToList();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  views on instance {instance.Key + 1} ({options.ViewBaseUrls[instance.Key]}, {instance.Count()} views): p50 {Result.P(latencies, 50)} ms, p95 {Result.P(latencies, 95)} ms, max {(latencies.Count == 0 ? 0 : latencies.Max())} ms"));
            }
        }

        Console.WriteLine("  " + Cpu.Read(options.Pid).Since(cpuBefore, Stopwatch.GetElapsedTime(started), changes));
        return result;
    }

    private static async Task<long?> SeenAsync(IPage page, Guid version)
    {
        var wait = page.EvaluateAsync<long>(WaitForVersionScript, version.ToString());
        var done = await Task.WhenAny(wait, Task.Delay(SeenTimeout));
        return done == wait ? await wait : null;
    }

    private static void CheckVersion(IEnumerable<View> views, Guid version)
    {
        var stale = views.Count(v => v.FirstVersion != version.ToString());
        if (stale > 0)
        {
            Console.WriteLine($"warning: {stale} views opened on another version than {version}");
        }
    }

    private static async Task OpenViewsAsync(IBrowser browser, Options options, Dictionary<string, string> states, string meetingId, List<View> views, int count)
    {
        // A few chairs, the rest members; opened four at a time so the two cores are not swamped by page loads.
        var start = views.Count;
        using var gate = new SemaphoreSlim(4);
        var opened = await Task.WhenAll(Enumerable.Range(start, count).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                // Spread evenly: with 20 views and 3 chairs, views 0, 7 and 14 (and 20, 27, 34 of a further 20).
                var email = i * options.Chairs % options.Views < options.Chairs ? Chair : Member;
                return await OpenViewAsync(browser, options, states[email], email, meetingId, i);
            }
            finally
            {
                gate.Release();
            }
        }));
        views.AddRange(opened);
    }

    private static async Task<View> OpenViewAsync(IBrowser browser, Options options, string storageState, string email, string meetingId, int index)
    {
        // Round robin over the instances; a negative index is a warm-up view, -1 - the instance it warms.
        var instance = (index < 0 ? -1 - index : index) % options.ViewBaseUrls.Count;
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = options.ViewBaseUrls[instance].ToString(), StorageState = storageState });
        var page = await context.NewPageAsync();
        var path = email == Chair ? "chair" : "live";
        await page.GotoAsync($"meetings/{meetingId}/{path}");
        await page.WaitForFunctionAsync(InteractiveScript, null, new PageWaitForFunctionOptions { PollingInterval = 50, Timeout = 60_000 });
        var first = await page.EvaluateAsync<string>(ObserverScript);
        return new View(context, page, $"{index}:{path}@{instance + 1}", first, instance);
    }

    /// <summary>Leaves the page first, so blazor.web.js ends its circuit at once rather than the server keeping it as disconnected.</summary>
    private static async Task CloseAsync(View view)
    {
        await view.Page.GotoAsync("about:blank");
        await view.Context.CloseAsync();
    }

    private static async Task<string> SignInAsync(IBrowser browser, Uri baseUrl, string email)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseUrl.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("account/login");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return await context.StorageStateAsync();
    }

    private static async Task<(long Rss, long Hwm)> SettledMemoryAsync(int pid)
    {
        await Task.Delay(Settle);
        var lines = await File.ReadAllLinesAsync($"/proc/{pid}/status");
        long Read(string key) => long.Parse(lines.First(l => l.StartsWith(key + ":", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (Read("VmRSS"), Read("VmHWM"));
    }

    private static Guid Version(JsonElement meeting) => meeting.GetProperty("version").GetGuid();

    private static string Mib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib / 1024.0:F1} MiB");

    private static string Kib(long kib) => string.Create(CultureInfo.InvariantCulture, $"{kib:N0} KiB");

    /// <summary>
    /// CPU time from /proc, in clock ticks (100 a second): the whole machine, the app, this tool, and the browser
    /// (every process descended from this one: Playwright's driver, Chromium and its renderers).
    /// </summary>
    private sealed record Cpu(long MachineBusy, long MachineTotal, long App, long Tool, long Browser)
    {
        private const double TicksPerSecond = 100;

        public static Cpu Read(int appPid)
        {
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4];
            var total = fields.Take(8).Sum();
            var self = Environment.ProcessId;
            var children = new Dictionary<int, List<int>>();
            var ticks = new Dictionary<int, long>();
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }

                try
                {
                    var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    var parent = int.Parse(rest[1], CultureInfo.InvariantCulture);
                    ticks[pid] = long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture);
                    (children.TryGetValue(parent, out var list) ? list : children[parent] = []).Add(pid);
                }
                catch (IOException)
                {
                    // The process ended while we looked.
                }
            }

            long browser = 0;
            var stack = new Stack<int>(children.GetValueOrDefault(self) ?? []);
            while (stack.TryPop(out var pid))
            {
                browser += ticks.GetValueOrDefault(pid);
                foreach (var child in children.GetValueOrDefault(pid) ?? [])
                {
                    stack.Push(child);
                }
            }

            return new Cpu(total - idle, total, ticks.GetValueOrDefault(appPid), ticks.GetValueOrDefault(self), browser);
        }

        public string Since(Cpu before, TimeSpan elapsed, int changes)
        {
            double Cores(long ticks) => ticks / TicksPerSecond / elapsed.TotalSeconds;
            var app = App - before.App;
            var tool = Tool - before.Tool;
            var browser = Browser - before.Browser;
            var busy = MachineBusy - before.MachineBusy;
            var cores = Environment.ProcessorCount;
            var busyCores = busy / (double)(MachineTotal - before.MachineTotal) * cores;
            return string.Create(CultureInfo.InvariantCulture,
                $"CPU over {elapsed.TotalSeconds:F1} s, in cores busy on average (of {cores}): app {Cores(app):F2} ({app * 10.0 / changes:F0} ms a change), browser {Cores(browser):F2}, this tool {Cores(tool):F2}, everything else {Math.Max(0, busyCores - Cores(app + tool + browser)):F2}; machine busy {busyCores:F2}");
        }
    }

    private sealed record View(IBrowserContext Context, IPage Page, string Name, string FirstVersion, int Instance);

    private sealed record Result(List<long> Samples, List<long> Slowest, int Missed, List<long> PostMs, Guid Version, bool Arrived)
    {
        public string Row(int views, long perViewKib, string memoryRange) => string.Create(CultureInfo.InvariantCulture,
            $"| {views} | {Slowest.Count} | {Samples.Count} | {Missed} | {P(Samples, 50)} ms | {P(Samples, 95)} ms | {P(Samples, 99)} ms | {(Samples.Count == 0 ? 0 : Samples.Max())} ms | {P(Slowest, 95)} ms | {perViewKib:N0} KiB ({memoryRange}) |");

        public string Summary(int views, int changes) => string.Create(CultureInfo.InvariantCulture,
            $"{views} views x {changes} changes: p50 {P(Samples, 50)} ms, p95 {P(Samples, 95)} ms, p99 {P(Samples, 99)} ms, max {(Samples.Count == 0 ? 0 : Samples.Max())} ms; slowest view per change p50 {P(Slowest, 50)} ms, p95 {P(Slowest, 95)} ms; missed {Missed}; POST answered in p50 {P(PostMs, 50)} ms, p95 {P(PostMs, 95)} ms (target p95 < 500 ms: {(Missed == 0 && P(Samples, 95) < 500 ? "met" : "missed")})");

        // Nearest-rank percentile.
        public static long P(List<long> values, int percentile)
        {
            if (values.Count == 0)
            {
                return 0;
            }

            var sorted = values.Order().ToList();
            var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Count - 1)];
        }
    }

    private sealed record Options(Uri BaseUrl, int Pid, int Views, int Changes, int IntervalMs, int MoreViews, int Chairs, int WarmupChanges, IReadOnlyList<Uri> ViewBaseUrls)
    {
        public static Options? Parse(string[] args)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i + 1 < args.Length; i += 2)
            {
                values[args[i]] = args[i + 1];
            }

            if (!values.TryGetValue("--base-url", out var url) || !values.TryGetValue("--pid", out var pid))
            {
                return null;
            }

            int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            static Uri Base(string value) => new(value.TrimEnd('/') + "/");
            var viewUrls = values.TryGetValue("--view-base-urls", out var list) ? list.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Base).ToList() : [Base(url)];
            return new Options(Base(url), int.Parse(pid, CultureInfo.InvariantCulture),
                Int("--views", 20), Int("--changes", 50), Int("--interval-ms", 300), Int("--more-views", 0), Int("--chairs", 3), Int("--warmup-changes", 20), viewUrls);
        }
    }

    private sealed class Api(HttpClient http)
    {
        public async Task<JsonElement> GetAsync(string url) => await ReadAsync(await http.GetAsync(new Uri(url, UriKind.Relative)), "GET", url);

        public async Task<JsonElement> PostAsync(string url, object body) => await ReadAsync(await http.PostAsJsonAsync(new Uri(url, UriKind.Relative), body), "POST", url);

        private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, string method, string url)
        {
            using (response)
            {
                var text = await response.Content.ReadAsStringAsync();
                if (!response.IsSuccessStatusCode)
                {
                    throw new InvalidOperationException($"{method} {url} answered {(int)response.StatusCode}: {text}");
                }

                return JsonDocument.Parse(text).RootElement.Clone();
            }
        }
    }
}
