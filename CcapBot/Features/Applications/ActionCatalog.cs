using System.Globalization;
using CcapBot.Conversations.Forms;
using CcapBot.Domain;
using CcapBot.Localization;
using CcapBot.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CcapBot.Features.Applications;

/// <summary>
/// The action categories and the activities of their reviewed templates, as stored (coordinators edit them as
/// data): what applications choose from, with names in English and Vietnamese.
/// </summary>
public sealed record ActionCatalog(IReadOnlyList<ActionCategory> Categories, IReadOnlyList<CatalogActivity> Activities)
{
    public static ActionCatalog Empty { get; } = new([], []);

    public static async Task<ActionCatalog> LoadAsync(CcapDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var categories = await db.ActionCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);
        var activities = await db.TemplateActivities.AsNoTracking()
            .Join(db.ActionListTemplates, a => a.TemplateId, t => t.Id, (a, t) => new { t.CategoryCode, a.Id, a.Order, a.TitleEn, a.TitleVi })
            .ToListAsync(cancellationToken);
        return new ActionCatalog(categories, [.. activities
            .OrderBy(a => categories.FindIndex(c => c.Code == a.CategoryCode)).ThenBy(a => a.Order)
            .Select(a => new CatalogActivity(a.Id, a.CategoryCode, a.TitleEn, a.TitleVi))]);
    }

    /// <summary>Categories offered to new applications (inactive ones only to applications that chose them before).</summary>
    public IEnumerable<ActionCategory> Offered(IReadOnlyCollection<string> chosen) => Categories.Where(c => c.Active || chosen.Contains(c.Code));

    public string CategoryName(string code, string language) =>
        Categories.FirstOrDefault(c => c.Code == code)?.Name(language) ?? code;

    public string ActivityTitle(int id, string language) =>
        Activities.FirstOrDefault(a => a.Id == id)?.Title(language) ?? id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Options of a categories question, in the user's language.</summary>
    public IReadOnlyList<FieldOption> CategoryOptions(string language, IReadOnlyCollection<string> chosen) =>
        [.. Offered(chosen).Select(c => new FieldOption(c.Code, c.Name(language), [c.Code, c.NameEn, c.NameVi]))];

    /// <summary>
    /// Options of a specific-actions question: the activities of the chosen categories' templates, plus any chosen
    /// before (so an answer never loses its title when categories change), each titled "activity (category)".
    /// </summary>
    public IReadOnlyList<FieldOption> ActivityOptions(string language, IReadOnlyCollection<string> categories, IReadOnlyCollection<string> chosen) =>
        [.. Activities
            .Where(a => categories.Contains(a.CategoryCode) || chosen.Contains(a.Value))
            .Select(a => new FieldOption(a.Value, a.Title(language), [a.Value, a.TitleEn, a.TitleVi]))];

    /// <summary>Categories whose templates have activities to choose from.</summary>
    public IReadOnlySet<string> CategoriesWithActivities => Activities.Select(a => a.CategoryCode).ToHashSet(StringComparer.Ordinal);
}

/// <summary>One activity of a reviewed template; its answer value is its id.</summary>
public sealed record CatalogActivity(int Id, string CategoryCode, string TitleEn, string TitleVi)
{
    public string Value => Id.ToString(CultureInfo.InvariantCulture);
    public string Title(string language) => language == Languages.Vietnamese ? TitleVi : TitleEn;
}
