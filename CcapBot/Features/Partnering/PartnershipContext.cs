using CcapBot.Domain;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Partnering;

/// <summary>
/// A partnership (the whole aggregate, tracked so handlers can change it) with what its cards show besides:
/// its cities, its area and the representatives of its cities.
/// </summary>
public sealed record PartnershipContext(
    Partnership Partnership, IReadOnlyDictionary<int, City> Cities, ActionCategory? Category, IReadOnlyDictionary<int, Representative> Representatives)
{
    public static async Task<PartnershipContext?> LoadAsync(CcapDbContext db, int partnershipId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var partnership = await db.Partnerships.WithAggregate().SingleOrDefaultAsync(p => p.Id == partnershipId, cancellationToken);
        if (partnership is null) return null;
        var cityIds = partnership.Cities.Select(c => c.CityId).ToList();
        var cities = await db.Cities.AsNoTracking().Where(c => cityIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var representatives = await db.Representatives.AsNoTracking().Where(r => cityIds.Contains(r.CityId)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var category = await db.ActionCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Code == partnership.CategoryCode, cancellationToken);
        return new PartnershipContext(partnership, cities, category, representatives);
    }

    public int Id => Partnership.Id;

    public string CityName(int cityId) => Cities.TryGetValue(cityId, out var city) ? city.Name : "#" + cityId;

    public string CategoryName(string language) => Category?.Name(language) ?? Partnership.CategoryCode;

    /// <summary>The mentor first, then the learning cities.</summary>
    public IReadOnlyList<City> OrderedCities =>
        [.. Partnership.Cities.OrderBy(c => c.Role).ThenBy(c => c.CityId).Select(c => Cities.GetValueOrDefault(c.CityId)).OfType<City>()];

    /// <summary>The reader's own city first (the one they see times in first), then the others.</summary>
    public IReadOnlyList<City> CitiesFor(int? readerCityId) => [.. OrderedCities.OrderBy(c => c.Id == readerCityId ? 0 : 1)];

    /// <summary>"Kitakyushu → Hai Phong": mentor to learning cities.</summary>
    public string Pair => CityName(Partnership.MentorCityId) + " → " + string.Join(", ", Partnership.LearningCityIds.Select(CityName));

    public string RepresentativeName(int representativeId) =>
        Representatives.TryGetValue(representativeId, out var representative) ? representative.Name : "#" + representativeId;
}
