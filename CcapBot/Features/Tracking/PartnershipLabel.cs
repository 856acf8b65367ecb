using CcapBot.Domain;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Tracking;

/// <summary>How people recognise a partnership: its cities and its area ("Kitakyushu ⇄ Hai Phong · Emissions inventory").</summary>
public sealed record PartnershipLabel(int Id, string Mentor, IReadOnlyList<string> Learning, string AreaEn, string AreaVi)
{
    public string Cities => $"{Mentor} ⇄ {string.Join(", ", Learning)}";

    public string Name(string language) => $"{Cities} · {(language == Languages.Vietnamese ? AreaVi : AreaEn)}";

    /// <summary>Labels of the given partnerships, in two queries.</summary>
    public static async Task<IReadOnlyDictionary<int, PartnershipLabel>> LoadAsync(CcapDbContext db, IReadOnlyCollection<int> partnershipIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = partnershipIds.Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<int, PartnershipLabel>();
        var cities = await db.PartnershipCities.AsNoTracking()
            .Where(c => EF.Parameter(ids).Contains(c.PartnershipId))
            .Select(c => new CityOfPartnership(c.PartnershipId, c.Role, c.City!.Name))
            .ToListAsync(cancellationToken);
        var areas = await db.Partnerships.AsNoTracking()
            .Where(p => EF.Parameter(ids).Contains(p.Id))
            .Join(db.ActionCategories.AsNoTracking(), p => p.CategoryCode, c => c.Code, (p, c) => new { p.Id, c.NameEn, c.NameVi })
            .ToListAsync(cancellationToken);
        var byPartnership = cities.ToLookup(c => c.PartnershipId);
        return areas.ToDictionary(a => a.Id, a => Build(a.Id, byPartnership[a.Id], a.NameEn, a.NameVi));
    }

    public static PartnershipLabel Build(int id, IEnumerable<CityOfPartnership> cities, string areaEn, string areaVi)
    {
        var list = cities.ToList();
        return new PartnershipLabel(
            id,
            list.FirstOrDefault(c => c.Role == PartnershipRole.Mentor)?.Name ?? "?",
            [.. list.Where(c => c.Role == PartnershipRole.Learning).Select(c => c.Name).Order(StringComparer.Ordinal)],
            areaEn,
            areaVi);
    }
}

public sealed record CityOfPartnership(int PartnershipId, PartnershipRole Role, string Name);
