using System.Text.Json;
using System.Text.Json.Serialization;
using CcapBot.Domain;

namespace CcapBot.Persistence.Seed;

/// <summary>
/// The five reviewed action lists (Seed/action-lists.json, English and Vietnamese) as seed rows. They are
/// data: coordinators edit them in the database; the file only decides what a new database starts with.
/// Ids are fixed so the migrations stay stable.
/// </summary>
internal static class ActionListSeed
{
    public static (ActionCategory[] Categories, ActionListTemplate[] Templates, TemplateActivity[] Activities) Load()
    {
        using var stream = typeof(ActionListSeed).Assembly.GetManifestResourceStream("CcapBot.Persistence.Seed.action-lists.json")
            ?? throw new InvalidOperationException("Missing embedded resource Seed/action-lists.json.");
        var lists = JsonSerializer.Deserialize(stream, SeedJsonContext.Default.ListListSeed) ?? [];

        var categories = new List<ActionCategory>();
        var templates = new List<ActionListTemplate>();
        var activities = new List<TemplateActivity>();
        for (var i = 0; i < lists.Count; i++)
        {
            var list = lists[i];
            categories.Add(new ActionCategory { Code = list.Code, NameEn = list.NameEn, NameVi = list.NameVi, SortOrder = i + 1 });
            var templateId = i + 1;
            templates.Add(new ActionListTemplate { Id = templateId, CategoryCode = list.Code, TitleEn = list.NameEn, TitleVi = list.NameVi, Reviewed = true });
            for (var j = 0; j < list.Activities.Count; j++)
            {
                var a = list.Activities[j];
                activities.Add(new TemplateActivity
                {
                    Id = templateId * 100 + j + 1, TemplateId = templateId, Order = j + 1,
                    TitleEn = a[0], TitleVi = a[1], DescriptionEn = a[2], DescriptionVi = a[3],
                });
            }
        }
        categories.Add(new ActionCategory { Code = ActionCategory.Other, NameEn = "Other", NameVi = "Khác", SortOrder = 99 });
        return ([.. categories], [.. templates], [.. activities]);
    }
}

internal sealed record ListSeed(string Code, string NameEn, string NameVi, List<string[]> Activities);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<ListSeed>))]
internal sealed partial class SeedJsonContext : JsonSerializerContext;
