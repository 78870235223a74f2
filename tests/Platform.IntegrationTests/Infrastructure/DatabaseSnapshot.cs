using Npgsql;

namespace Platform.IntegrationTests.Infrastructure;

/// <summary>
/// The row count and a digest of the content of every table of a database, to show that a run of requests
/// changed nothing: not a row added, removed or updated.
/// </summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Digest)> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var names = new List<string>();
        await using (var list = new NpgsqlCommand(
            "SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables " +
            "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1", connection))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                names.Add(reader.GetString(0));
            }
        }

        var tables = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            await using var digest = new NpgsqlCommand(
                $"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {name} t", connection);
            await using var reader = await digest.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            tables[name] = (reader.GetInt64(0), reader.GetString(1));
        }

        return new DatabaseSnapshot(tables);
    }

    /// <summary>The tables whose rows differ from <paramref name="before"/>, with their counts before and after.</summary>
    public IReadOnlyList<string> DifferencesFrom(DatabaseSnapshot before) =>
        before.Tables.Keys.Union(Tables.Keys)
            .Where(t => !before.Tables.TryGetValue(t, out var b) || !Tables.TryGetValue(t, out var a) || b != a)
            .Select(t => $"{t}: {(before.Tables.TryGetValue(t, out var b) ? b.Rows : 0)} rows before, {(Tables.TryGetValue(t, out var a) ? a.Rows : 0)} after")
            .ToList();
}
