using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Platform.ServiceDefaults.Data;

/// <summary>
/// The data-protection key ring (what the token server's sign-in cookie and antiforgery tokens are protected with) is
/// kept in the service's own database, so every replica reads what another wrote: a sign-in on one replica is
/// honoured by the next. A plain table the migrator creates under its lock (<see cref="EnsureTableSql"/>), not an EF
/// entity, so that no service needs a migration of its own for it. The keys are as safe as the database that holds
/// the service's data; their lifetime and rotation are the framework's defaults (90 days, rolled before expiry).
/// </summary>
public static class DataProtectionKeys
{
    internal const string EnsureTableSql = """
        CREATE TABLE IF NOT EXISTS data_protection_keys (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            friendly_name text,
            xml text NOT NULL);
        """;

    internal static IHostApplicationBuilder AddDataProtectionKeysIn(this IHostApplicationBuilder builder, string connectionString)
    {
        builder.Services.AddDataProtection()
            // One name for every replica of the service (not the content root path, which may differ between hosts).
            .SetApplicationName(builder.Environment.ApplicationName);
        builder.Services.Configure<KeyManagementOptions>(options => options.XmlRepository = new PostgresXmlRepository(connectionString));
        return builder;
    }
}

internal sealed class PostgresXmlRepository(string connectionString) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var select = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = select.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var insert = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES ($1, $2)", connection)
        {
            Parameters = { new() { Value = friendlyName }, new() { Value = element.ToString(SaveOptions.DisableFormatting) } },
        };
        insert.ExecuteNonQuery();
    }
}
