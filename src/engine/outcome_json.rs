//! `json!` for outcomes: serde_json's `json!` (its macro, MIT OR Apache-2.0, copied from serde_json 1.0.154's
//! `macros.rs` with its leaves changed) building a typed outcome ([`Tree`](crate::engine::outcome::Tree)) instead of a
//! `crate::engine::value::Value`: an object is its keys as written (`&'static str`, never allocated or hashed) with its values
//! in order, and each value is moved in with `Tree::from` (serde_json's last rule deep-copies every non-literal value
//! through a serializer). The report's JSON text is written from the tree, and the native report gets the `Value` it
//! is (`Tree::into_value`); a type with no `From` for `Tree` does not compile here: convert it where it is made. The
//! value and its text are serde_json's: checked below, by tests/typed_outcome.rs and by every conformance vector.

/// Builds an outcome ([`Tree`](crate::engine::outcome::Tree)) from JSON-like syntax, moving each value in (see the
/// module's documentation).
#[macro_export]
macro_rules! outcome_json {
    ($($json:tt)+) => {
        $crate::outcome_json_internal!($($json)+)
    };
}

#[macro_export]
#[doc(hidden)]
macro_rules! outcome_json_internal {
    //////////////////////////////////////////////////////////////////////////
    // TT muncher for parsing the inside of an array [...]. Produces a vec![...]
    // of the elements.
    //
    // Must be invoked as: json_internal!(@array [] $($tt)*)
    //////////////////////////////////////////////////////////////////////////

    // Done with trailing comma.
    (@array [$($elems:expr,)*]) => {
        ::std::vec![$($elems,)*]
    };

    // Done without trailing comma.
    (@array [$($elems:expr),*]) => {
        ::std::vec![$($elems),*]
    };

    // Next element is `null`.
    (@array [$($elems:expr,)*] null $($rest:tt)*) => {
        $crate::outcome_json_internal!(@array [$($elems,)* $crate::outcome_json_internal!(null)] $($rest)*)
    };

    // Next element is `true`.
    (@array [$($elems:expr,)*] true $($rest:tt)*) => {
        $crate::outcome_json_internal!(@array [$($elems,)* $crate::outcome_json_internal!(true)] $($rest)*)
    };

    // Next element is `false`.
    (@array [$($elems:expr,)*] false $($rest:tt)*) => {
        $crate::outcome_json_internal!(@array [$($elems,)* $crate::outcome_json_internal!(false)] $($rest)*)
    };

    // Next element is an array.
    (@array [$($elems:expr,)*] [$($array:tt)*] $($rest:tt)*) => {
        $crate::outcome_json_internal!(@array [$($elems,)* $crate::outcome_json_internal!([$($array)*])] $($rest)*)
    };

    // Next element is a map.
    (@array [$($elems:expr,)*] {$($map:tt)*} $($rest:tt)*) => {
        $crate::outcome_json_internal!(@array [$($elems,)* $crate::outcome_json_internal!({$($map)*})] $($rest)*)
    };

    // Next element is an expression followed by comma.
    (@array [$($elems:expr,)*] $next:expr, $($rest:tt)*) => {
        $crate::outcome_json_internal!(@array [$($elems,)* $crate::outcome_json_internal!($next),] $($rest)*)
    };

    // Last element is an expression with no trailing comma.
    (@array [$($elems:expr,)*] $last:expr) => {
        $crate::outcome_json_internal!(@array [$($elems,)* $crate::outcome_json_internal!($last)])
    };

    // Comma after the most recent element.
    (@array [$($elems:expr),*] , $($rest:tt)*) => {
        $crate::outcome_json_internal!(@array [$($elems,)*] $($rest)*)
    };

    // Unexpected token after most recent element.
    (@array [$($elems:expr),*] $unexpected:tt $($rest:tt)*) => {
        $crate::outcome_json_unexpected!($unexpected)
    };

    //////////////////////////////////////////////////////////////////////////
    // TT muncher for parsing the inside of an object {...}. Each entry is
    // inserted into the given map variable.
    //
    // Must be invoked as: json_internal!(@object $map () ($($tt)*) ($($tt)*))
    //
    // We require two copies of the input tokens so that we can match on one
    // copy and trigger errors on the other copy.
    //////////////////////////////////////////////////////////////////////////

    // Done.
    (@object $object:ident () () ()) => {};

    // Insert the current entry followed by trailing comma.
    (@object $object:ident [$($key:tt)+] ($value:expr) , $($rest:tt)*) => {
        $object.push((($($key)+), $value));
        $crate::outcome_json_internal!(@object $object () ($($rest)*) ($($rest)*));
    };

    // Current entry followed by unexpected token.
    (@object $object:ident [$($key:tt)+] ($value:expr) $unexpected:tt $($rest:tt)*) => {
        $crate::outcome_json_unexpected!($unexpected);
    };

    // Insert the last entry without trailing comma.
    (@object $object:ident [$($key:tt)+] ($value:expr)) => {
        $object.push((($($key)+), $value));
    };

    // Next value is `null`.
    (@object $object:ident ($($key:tt)+) (: null $($rest:tt)*) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object [$($key)+] ($crate::outcome_json_internal!(null)) $($rest)*);
    };

    // Next value is `true`.
    (@object $object:ident ($($key:tt)+) (: true $($rest:tt)*) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object [$($key)+] ($crate::outcome_json_internal!(true)) $($rest)*);
    };

    // Next value is `false`.
    (@object $object:ident ($($key:tt)+) (: false $($rest:tt)*) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object [$($key)+] ($crate::outcome_json_internal!(false)) $($rest)*);
    };

    // Next value is an array.
    (@object $object:ident ($($key:tt)+) (: [$($array:tt)*] $($rest:tt)*) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object [$($key)+] ($crate::outcome_json_internal!([$($array)*])) $($rest)*);
    };

    // Next value is a map.
    (@object $object:ident ($($key:tt)+) (: {$($map:tt)*} $($rest:tt)*) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object [$($key)+] ($crate::outcome_json_internal!({$($map)*})) $($rest)*);
    };

    // Next value is an expression followed by comma.
    (@object $object:ident ($($key:tt)+) (: $value:expr , $($rest:tt)*) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object [$($key)+] ($crate::outcome_json_internal!($value)) , $($rest)*);
    };

    // Last value is an expression with no trailing comma.
    (@object $object:ident ($($key:tt)+) (: $value:expr) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object [$($key)+] ($crate::outcome_json_internal!($value)));
    };

    // Missing value for last entry. Trigger a reasonable error message.
    (@object $object:ident ($($key:tt)+) (:) $copy:tt) => {
        // "unexpected end of macro invocation"
        $crate::outcome_json_internal!();
    };

    // Missing colon and value for last entry. Trigger a reasonable error
    // message.
    (@object $object:ident ($($key:tt)+) () $copy:tt) => {
        // "unexpected end of macro invocation"
        $crate::outcome_json_internal!();
    };

    // Misplaced colon. Trigger a reasonable error message.
    (@object $object:ident () (: $($rest:tt)*) ($colon:tt $($copy:tt)*)) => {
        // Takes no arguments so "no rules expected the token `:`".
        $crate::outcome_json_unexpected!($colon);
    };

    // Found a comma inside a key. Trigger a reasonable error message.
    (@object $object:ident ($($key:tt)*) (, $($rest:tt)*) ($comma:tt $($copy:tt)*)) => {
        // Takes no arguments so "no rules expected the token `,`".
        $crate::outcome_json_unexpected!($comma);
    };

    // Key is fully parenthesized. This avoids clippy double_parens false
    // positives because the parenthesization may be necessary here.
    (@object $object:ident () (($key:expr) : $($rest:tt)*) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object ($key) (: $($rest)*) (: $($rest)*));
    };

    // Refuse to absorb colon token into key expression.
    (@object $object:ident ($($key:tt)*) (: $($unexpected:tt)+) $copy:tt) => {
        $crate::outcome_json_expect_expr_comma!($($unexpected)+);
    };

    // Munch a token into the current key.
    (@object $object:ident ($($key:tt)*) ($tt:tt $($rest:tt)*) $copy:tt) => {
        $crate::outcome_json_internal!(@object $object ($($key)* $tt) ($($rest)*) ($($rest)*));
    };

    //////////////////////////////////////////////////////////////////////////
    // The main implementation.
    //
    // Must be invoked as: json_internal!($($json)+)
    //////////////////////////////////////////////////////////////////////////

    (null) => {
        $crate::engine::outcome::Tree::Null
    };

    (true) => {
        $crate::engine::outcome::Tree::Bool(true)
    };

    (false) => {
        $crate::engine::outcome::Tree::Bool(false)
    };

    ([]) => {
        $crate::engine::outcome::Tree::List(::std::vec![])
    };

    ([ $($tt:tt)+ ]) => {
        $crate::engine::outcome::Tree::List($crate::outcome_json_internal!(@array [] $($tt)+))
    };

    ({}) => {
        $crate::engine::outcome::Tree::Map(::std::vec::Vec::new())
    };

    ({ $($tt:tt)+ }) => {
        $crate::engine::outcome::Tree::Map({
            let mut object = $crate::engine::outcome::Tree::entries();
            $crate::outcome_json_internal!(@object object () ($($tt)+) ($($tt)+));
            object
        })
    };

    // Anything that converts into a value (`From`): moved in, not serialised (see the module's documentation).
    // Must be below every other rule.
    ($other:expr) => {
        $crate::engine::outcome::Tree::from($other)
    };
}

#[macro_export]
#[doc(hidden)]
macro_rules! outcome_json_unexpected {
    () => {};
}

#[macro_export]
#[doc(hidden)]
macro_rules! outcome_json_expect_expr_comma {
    ($e:expr , $($tt:tt)*) => {};
}

#[cfg(test)]
mod tests {
    use crate::engine::value::{json, Value};

    /// The same value as serde_json's `json!`, key order included, for every kind of entry an outcome has.
    #[test]
    fn builds_what_serde_jsons_json_builds() {
        let reasons: Vec<Value> = vec![json!({ "code": "A-1", "path": "/x" }), json!({ "code": "B-2", "path": "" })];
        let codes: Vec<&str> = vec!["a", "b"];
        let owned = String::from("text");
        let none: Option<u32> = None;
        let ours = outcome_json!({
            "b": true, "n": null, "i": -3i64, "u": 7usize, "f": 2.5, "nan": f64::NAN, "s": "x", "owned": owned.clone(),
            "list": codes.clone(), "reasons": reasons.clone(), "none": none, "some": Some(4u32),
            "nested": { "a": [1, "two", { "three": 3 }], "empty": {}, "none": [] }, "a": 1
        });
        let theirs = json!({
            "b": true, "n": null, "i": -3i64, "u": 7usize, "f": 2.5, "nan": f64::NAN, "s": "x", "owned": owned,
            "list": codes, "reasons": reasons, "none": none, "some": Some(4u32),
            "nested": { "a": [1, "two", { "three": 3 }], "empty": {}, "none": [] }, "a": 1
        });
        // The text the report writes from the tree is serde_json's text of its value.
        use crate::engine::report::{report_json, OutcomeRef};
        let written = report_json("f", true, &[], Some(OutcomeRef::Tree(&ours)));
        assert_eq!(written, report_json("f", true, &[], Some(OutcomeRef::Value(&theirs))));
        assert!(written.contains(&theirs.to_string()));
        let ours = ours.into_value();
        assert_eq!(ours, theirs);
        assert_eq!(ours.to_string(), theirs.to_string());
    }
}
