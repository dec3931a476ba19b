//! `internalBinding('types')`: the `util.types` predicates that need V8 to answer.

use super::set_fn;

macro_rules! predicates {
    ($($js:literal => $method:ident),* $(,)?) => {
        pub(crate) fn install(scope: &mut v8::PinScope<'_, '_>, object: v8::Local<v8::Object>) {
            $(
                set_fn(scope, object, $js, |_scope: &mut v8::PinScope, args: v8::FunctionCallbackArguments, mut rv: v8::ReturnValue<v8::Value>| {
                    rv.set_bool(args.get(0).$method());
                });
            )*
        }
    };
}

predicates! {
    "isExternal" => is_external,
    "isDate" => is_date,
    "isArgumentsObject" => is_arguments_object,
    "isBigIntObject" => is_big_int_object,
    "isBooleanObject" => is_boolean_object,
    "isNumberObject" => is_number_object,
    "isStringObject" => is_string_object,
    "isSymbolObject" => is_symbol_object,
    "isBoxedPrimitive" => is_boxed_primitive,
    "isNativeError" => is_native_error,
    "isRegExp" => is_reg_exp,
    "isAsyncFunction" => is_async_function,
    "isGeneratorFunction" => is_generator_function,
    "isGeneratorObject" => is_generator_object,
    "isPromise" => is_promise,
    "isMap" => is_map,
    "isSet" => is_set,
    "isMapIterator" => is_map_iterator,
    "isSetIterator" => is_set_iterator,
    "isWeakMap" => is_weak_map,
    "isWeakSet" => is_weak_set,
    "isArrayBuffer" => is_array_buffer,
    "isDataView" => is_data_view,
    "isSharedArrayBuffer" => is_shared_array_buffer,
    "isAnyArrayBuffer" => is_any_array_buffer,
    "isProxy" => is_proxy,
    "isModuleNamespaceObject" => is_module_namespace_object,
}

trait BoxedPrimitive {
    fn is_boxed_primitive(&self) -> bool;
    fn is_any_array_buffer(&self) -> bool;
}

impl BoxedPrimitive for v8::Value {
    fn is_boxed_primitive(&self) -> bool {
        self.is_number_object()
            || self.is_string_object()
            || self.is_boolean_object()
            || self.is_big_int_object()
            || self.is_symbol_object()
    }

    fn is_any_array_buffer(&self) -> bool {
        self.is_array_buffer() || self.is_shared_array_buffer()
    }
}
