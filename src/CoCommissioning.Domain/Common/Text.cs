namespace CoCommissioning.Domain.Common;

/// <summary>Checks for the free text people type into governance records.</summary>
public static class Text
{
    /// <summary>Trims and checks a required text field; returns the failure or the clean value.</summary>
    public static CommandResult<string> Required(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return Failure.Validation(field, $"Enter the {Describe(field)}.");
        }

        if (trimmed.Length > maxLength)
        {
            return Failure.Validation(field, $"The {Describe(field)} must be {maxLength} characters or fewer.");
        }

        if (HasUnstorableCharacter(trimmed))
        {
            return Unstorable(field);
        }

        return CommandResult<string>.Success(trimmed);
    }

    /// <summary>Trims an optional text field: blank becomes null.</summary>
    public static CommandResult<string?> Optional(string field, string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return CommandResult<string?>.Success(null);
        }

        if (trimmed.Length > maxLength)
        {
            return Failure.Validation(field, $"The {Describe(field)} must be {maxLength} characters or fewer.");
        }

        return HasUnstorableCharacter(trimmed) ? Unstorable(field) : CommandResult<string?>.Success(trimmed);
    }

    /// <summary>
    /// True if the text holds a control character other than tab, carriage return or line feed. PostgreSQL text cannot
    /// hold NUL at all, and the others are never typed on purpose, so every provider refuses them alike.
    /// </summary>
    public static bool HasUnstorableCharacter(string? value)
    {
        if (value is null)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\t' or '\r' or '\n'))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The field message for text holding a character <see cref="HasUnstorableCharacter"/> refuses.</summary>
    public static Failure Unstorable(string field) => Failure.Validation(field, $"The {Describe(field)} contains a character that cannot be stored.");

    // "FullName" -> "full name": field names double as the words of the message.
    private static string Describe(string field)
    {
        var chars = new List<char>(field.Length + 4);
        foreach (var c in field)
        {
            if (char.IsUpper(c) && chars.Count > 0)
            {
                chars.Add(' ');
            }

            chars.Add(char.ToLowerInvariant(c));
        }

        return new string([.. chars]);
    }
}
