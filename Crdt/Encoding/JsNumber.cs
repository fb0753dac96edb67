using System.Globalization;

namespace Collab.Crdt.Encoding;

/// <summary>JavaScript number semantics for .NET numeric values.</summary>
internal static class JsNumber
{
    public static bool TryGet(object value, out double d)
    {
        switch (value)
        {
            case double x: d = x; return true;
            case float x: d = x; return true;
            case int x: d = x; return true;
            case long x: d = x; return true;
            case uint x: d = x; return true;
            case ulong x: d = x; return true;
            case short x: d = x; return true;
            case ushort x: d = x; return true;
            case byte x: d = x; return true;
            case sbyte x: d = x; return true;
            case decimal x: d = (double)x; return true;
            default: d = 0; return false;
        }
    }

    /// <summary>ECMAScript Number::toString: shortest round-trip digits, JS exponent rules.</summary>
    public static string ToJsString(double d)
    {
        if (double.IsNaN(d)) return "NaN";
        if (double.IsPositiveInfinity(d)) return "Infinity";
        if (double.IsNegativeInfinity(d)) return "-Infinity";
        if (d == 0) return "0";
        // Use the shortest representation that round-trips ("R"), then re-render its digits.
        string shortest = d.ToString("R", CultureInfo.InvariantCulture);
        bool negative = shortest[0] == '-';
        if (negative) shortest = shortest[1..];
        string mantissa = shortest;
        int exp = 0;
        int e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            mantissa = shortest[..e];
            exp = int.Parse(shortest[(e + 1)..], CultureInfo.InvariantCulture);
        }
        int dot = mantissa.IndexOf('.');
        string digits = dot >= 0 ? mantissa.Remove(dot, 1) : mantissa;
        int pointPos = (dot >= 0 ? dot : mantissa.Length) + exp; // n in the spec
        int lead = 0;
        while (lead < digits.Length - 1 && digits[lead] == '0') { lead++; pointPos--; }
        digits = digits[lead..].TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int k = digits.Length, n = pointPos;
        string body;
        if (k <= n && n <= 21) body = digits + new string('0', n - k);
        else if (0 < n && n <= 21) body = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0) body = "0." + new string('0', -n) + digits;
        else
        {
            int expOut = n - 1;
            string sign = expOut >= 0 ? "+" : "-";
            body = (k == 1 ? digits : digits[0] + "." + digits[1..]) + "e" + sign + Math.Abs(expOut).ToString(CultureInfo.InvariantCulture);
        }
        return negative ? "-" + body : body;
    }
}
