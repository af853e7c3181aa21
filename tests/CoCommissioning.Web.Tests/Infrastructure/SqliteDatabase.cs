using CoCommissioning.Data;
using Microsoft.Data.Sqlite;

namespace CoCommissioning.Web.Tests.Infrastructure;

/// <summary>A SQLite file in the temporary folder, deleted (with its journal files) on dispose.</summary>
public sealed class SqliteDatabase : ITestDatabase
{
    private SqliteDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
    }

    public DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public string Path { get; }

    public string ConnectionString { get; }

    public static SqliteDatabase Create() =>
        new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"coco-test-{Guid.NewGuid():N}.db"));

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        var startupLocks = Directory.GetFiles(System.IO.Path.GetDirectoryName(Path)!, System.IO.Path.GetFileName(Path) + ".*.lock");
        foreach (var file in new[] { Path, Path + "-wal", Path + "-shm", Path + "-journal" }.Concat(startupLocks))
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A file still open elsewhere is left for the OS's temp cleaning; it is never reused.
            }
        }

        return ValueTask.CompletedTask;
    }
}
