using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CoCommissioning.Data;
using Npgsql;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of the test's own, which it may stop and start (the shared server of <see cref="PostgresDatabase"/>
/// serves every other test class, so it must never go down). Made the way scripts/test.sh makes its cluster: initdb and
/// pg_ctl from /usr/lib/postgresql/*/bin, run as the postgres user through runuser when the tests run as root, in a
/// folder under /tmp that user owns. Removed on dispose.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string folder;

    private PrivatePostgres(string folder, int port)
    {
        this.folder = folder;
        Port = port;
    }

    /// <summary>Where initdb and pg_ctl are (the highest version installed), or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory { get; } = FindBinDirectory();

    public int Port { get; }

    public bool IsRunning { get; private set; }

    private string DataDirectory => Path.Combine(folder, "data");

    private string LogFile => Path.Combine(folder, "postgres.log");

    /// <summary>A database of this cluster (the app creates it at start-up when it is not there).</summary>
    public ITestDatabase Database(string name = "coco") => new Connection(new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = name,
    }.ConnectionString);

    /// <summary>Initialises the cluster on a free port; running only once <see cref="StartAsync"/> is called.</summary>
    public static async Task<PrivatePostgres> CreateAsync()
    {
        var bin = BinDirectory ?? throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb).");

        // Under /tmp whatever TMPDIR says: the postgres user must reach it, and the socket path must stay short.
        var folder = Path.Combine("/tmp", "coco-pgt-" + Guid.NewGuid().ToString("N")[..10]);
        Directory.CreateDirectory(folder);
        if (RunsAsRoot)
        {
            await RunAsync(folder, "chown", ["postgres:", folder], asPostgres: false);
        }

        var cluster = new PrivatePostgres(folder, FreePort());
        await RunAsync(folder, Path.Combine(bin, "initdb"), ["-D", cluster.DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync"]);
        return cluster;
    }

    public async Task StartAsync()
    {
        await RunAsync(folder, Path.Combine(BinDirectory!, "pg_ctl"),
        [
            "-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-s",
            "-o", $"-p {Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
            "start",
        ]);
        IsRunning = true;
    }

    /// <summary>Stops the server as an administrator would ("fast": open sessions are ended, their transactions rolled back).</summary>
    public async Task StopAsync(string mode = "fast")
    {
        await RunAsync(folder, Path.Combine(BinDirectory!, "pg_ctl"), ["-D", DataDirectory, "-m", mode, "-w", "-t", "60", "-s", "stop"]);
        IsRunning = false;
    }

    public async ValueTask DisposeAsync()
    {
        if (IsRunning)
        {
            try
            {
                await StopAsync("immediate");
            }
            catch (InvalidOperationException)
            {
                // Deleting the folder below is all that is left to do.
            }
        }

        NpgsqlConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    private static async Task RunAsync(string workingDirectory, string program, IReadOnlyList<string> arguments, bool asPostgres = true)
    {
        var start = new ProcessStartInfo { WorkingDirectory = workingDirectory, UseShellExecute = false };
        if (asPostgres && RunsAsRoot)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Output is not redirected: pg_ctl's server would inherit the pipe and hold it open after pg_ctl exits.
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            var log = Path.Combine(workingDirectory, "postgres.log");
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited {process.ExitCode}" + (File.Exists(log) ? $"; server log:\n{await File.ReadAllTextAsync(log)}" : ""));
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinDirectory()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(version => Path.Combine(version, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var major) ? major : 0)
            .FirstOrDefault();
    }

    /// <summary>The app's database on this cluster; the cluster, not this, is removed at the end.</summary>
    private sealed class Connection(string connectionString) : ITestDatabase
    {
        public DatabaseProvider Provider => DatabaseProvider.Postgres;

        public string ConnectionString { get; } = connectionString;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

/// <summary>A fact that needs <see cref="PrivatePostgres"/>: skipped, saying why, where PostgreSQL is not installed.</summary>
public sealed class PrivatePostgresFactAttribute : FactAttribute
{
    public PrivatePostgresFactAttribute()
    {
        if (PrivatePostgres.BinDirectory is null)
        {
            Skip = "Needs PostgreSQL's server binaries (initdb, pg_ctl under /usr/lib/postgresql/*/bin) to start and stop a cluster of its own; "
                + "install Debian's postgresql package (scripts/test.sh does, as root).";
        }
    }
}
