using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CcapBot.Domain;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Results;

/// <summary>One city's published results, as the CCAP knowledge platform takes them.</summary>
public sealed record ExportedResult(
    int PartnershipId,
    string Area,
    string MentorCity,
    string LearningCities,
    string City,
    string CountryCode,
    string Role,
    string Summary,
    string? Lessons,
    IReadOnlyList<string> Links,
    DateOnly? CompletionDate,
    DateTimeOffset RecordedAt);

/// <summary>
/// The results cities consented to publish, and nothing else, as JSON or CSV. Two queries whatever the number of
/// results.
/// </summary>
public static class ResultsExport
{
    public static async Task<IReadOnlyList<ExportedResult>> ConsentedAsync(CcapDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await (
            from r in db.PartnershipResults.AsNoTracking()
            where r.ConsentToPublish
            join p in db.Partnerships.AsNoTracking() on r.PartnershipId equals p.Id
            join c in db.Cities.AsNoTracking() on r.CityId equals c.Id
            join a in db.ActionCategories.AsNoTracking() on p.CategoryCode equals a.Code
            orderby r.PartnershipId, c.Name
            select new { Result = r, p.CompletionDate, Area = a.NameEn, City = c.Name, c.CountryCode, Role = p.Cities.Where(x => x.CityId == r.CityId).Select(x => x.Role).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.Result.PartnershipId).Distinct().ToList();
        var cities = await db.PartnershipCities.AsNoTracking().Where(c => EF.Parameter(ids).Contains(c.PartnershipId))
            .Select(c => new { c.PartnershipId, c.Role, c.City!.Name }).ToListAsync(cancellationToken);
        return [.. rows.Select(r => new ExportedResult(
            r.Result.PartnershipId,
            r.Area,
            cities.FirstOrDefault(c => c.PartnershipId == r.Result.PartnershipId && c.Role == PartnershipRole.Mentor)?.Name ?? "",
            string.Join("; ", cities.Where(c => c.PartnershipId == r.Result.PartnershipId && c.Role == PartnershipRole.Learning).Select(c => c.Name).Order(StringComparer.Ordinal)),
            r.City,
            r.CountryCode,
            r.Role.ToString(),
            r.Result.Summary,
            r.Result.Lessons,
            r.Result.Links,
            r.CompletionDate,
            r.Result.UpdatedAt))];
    }

    public static string Json(IReadOnlyList<ExportedResult> results) => JsonSerializer.Serialize(results, ResultsJsonContext.Default.IReadOnlyListExportedResult);

    /// <summary>RFC 4180 CSV; a cell that a spreadsheet would run as a formula is prefixed with an apostrophe.</summary>
    public static string Csv(IReadOnlyList<ExportedResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var csv = new StringBuilder();
        Row(csv, ["partnershipId", "area", "mentorCity", "learningCities", "city", "countryCode", "role", "summary", "lessons", "links", "completionDate", "recordedAt"]);
        foreach (var r in results)
        {
            Row(csv,
            [
                r.PartnershipId.ToString(CultureInfo.InvariantCulture), r.Area, r.MentorCity, r.LearningCities, r.City, r.CountryCode, r.Role,
                r.Summary, r.Lessons ?? "", string.Join(" ", r.Links), r.CompletionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                r.RecordedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            ]);
        }
        return csv.ToString();
    }

    private static void Row(StringBuilder csv, IReadOnlyList<string> cells)
    {
        for (var i = 0; i < cells.Count; i++)
        {
            if (i > 0) csv.Append(',');
            var cell = cells[i];
            if (cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r') cell = "'" + cell;
            if (cell.AsSpan().IndexOfAny(",\"\r\n") >= 0) csv.Append('"').Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            else csv.Append(cell);
        }
        csv.Append("\r\n");
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<ExportedResult>))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(bool))]
internal sealed partial class ResultsJsonContext : JsonSerializerContext;
