#!/usr/bin/env node
require('@swc-node/register');
require('./care-ops.ts');
